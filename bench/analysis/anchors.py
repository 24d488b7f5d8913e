#!/usr/bin/python3
"""The classification benchmark of the analysis engine: the engine (`inspraak score spam` and
`inspraak score department`) against the anchors of issue 6, on the development data only,
with the same splits for every method.

Anchors: scikit-learn's MultinomialNB (word counts), LogisticRegression and LinearSVC on
TF-IDF word 1-2-grams + character 2-5-grams, and classifier-reborn's naive Bayes (Ruby, the
filter Decidim uses).

Protocols (nothing is ever scored by a model that saw it):
  spam        train on SMS + two YouTube videos, score the third (three folds, pooled)
  moderation  leave one conversation out (twelve folds, pooled; also per conversation)
  departments per source, stratified 5-fold cross-validation
  nl-dev      stratified 5-fold cross-validation, three seeds (spam; department on non-spam)

Usage: anchors.py INSPRAAK_BINARY DATA_DIR WORK_DIR [TASK...]
"""
import collections
import os
import pickle
import random
import subprocess
import sys
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC

HERE = os.path.dirname(os.path.abspath(__file__))

ATTRIBUTION = """\
Data attribution:
  spam: SMS Spam Collection v.1 (Almeida, Gomez Hidalgo, Yamakami, DOCENG'11) and YouTube Spam
    Collection v.1 (Alberto, Lochter, Almeida, ICMLA'15), CC BY 4.0.
  moderation, Klimarat: Data was gathered using the Polis software (compdemocracy.org/polis) and
    is sub-licensed under CC BY 4.0 with Attribution to The Computational Democracy Project
    (case studies listed in data/public/README.md; 2022-Austria-Klimarat).
  cycling: Romberg, J., Escher, T. Automated Topic Categorisation of Citizens' Contributions,
    EGOV 2022, https://doi.org/10.1007/978-3-031-15086-9_24; original data: Raddialog der
    Stadt Bonn 2017 (Tobias Escher, HHU Duesseldorf), https://www.raddialog.bonn.de/, each
    contribution at the address in its url field; corpus CC BY-SA 4.0.
  nl-dev: the fictional municipality Rivierbeke, written for inspraak, CC0."""


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    head = lines[0].split("\t")
    rows = [dict(zip(head, l.split("\t"))) for l in lines[1:] if l]
    return head, rows


def write_tsv(path, head, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(head) + "\n")
        for r in rows:
            f.write("\t".join(r[h] for h in head) + "\n")


def text_of(r):
    title = r.get("title", "")
    body = r.get("body", r.get("text", ""))
    title = "" if title == "-" else title
    body = "" if body == "-" else body
    return f"{title}. {body}" if title and body else title or body


# --- methods -------------------------------------------------------------------------------
# Each takes train rows, test rows, the label column and the data's language, and returns
# per test row (predicted label, score): for two labels the score ranks the positive label,
# for more it is the confidence of the predicted one.


def tfidf_features(train, test):
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)
    a = [text_of(r) for r in train]
    b = [text_of(r) for r in test]
    xa = hstack([word.fit_transform(a), char.fit_transform(a)]).tocsr()
    xb = hstack([word.transform(b), char.transform(b)]).tocsr()
    return xa, xb


def sk_method(make, features):
    def run(train, test, label, positive, lang):
        y = [r[label] for r in train]
        xa, xb = features(train, test)
        binary = len(set(y)) == 2
        clf = make(binary)
        clf.fit(xa, y)
        pred = clf.predict(xb)
        if hasattr(clf, "predict_proba"):
            p = clf.predict_proba(xb)
            cls = list(clf.classes_)
            if binary:
                score = p[:, cls.index(positive)]
            else:
                score = p.max(axis=1)
        else:
            d = clf.decision_function(xb)
            cls = list(clf.classes_)
            if binary:
                score = d if cls[1] == positive else -d
            else:
                score = d.max(axis=1)
        return list(pred), list(score)
    return run


def counts(train, test):
    v = CountVectorizer(ngram_range=(1, 2))
    return v.fit_transform([text_of(r) for r in train]), v.transform([text_of(r) for r in test])


METHODS = collections.OrderedDict()
METHODS["MultinomialNB"] = sk_method(lambda binary: MultinomialNB(), counts)
METHODS["LR tf-idf w+c"] = sk_method(
    lambda binary: LogisticRegression(C=10, max_iter=3000,
                                      class_weight="balanced" if binary else None),
    tfidf_features)
METHODS["LinearSVC tf-idf"] = sk_method(
    lambda binary: LinearSVC(C=1.0, class_weight="balanced" if binary else None),
    tfidf_features)


def bayes_rb(train, test, label, positive, lang, work):
    tr, te = os.path.join(work, "bayes-train.tsv"), os.path.join(work, "bayes-test.tsv")
    head = ["id", "title", "text", label]
    write_tsv(tr, head, [{"id": r["id"], "title": r.get("title", ""),
                          "text": r.get("body", r.get("text", "")), label: r[label]} for r in train])
    write_tsv(te, head[:3], [{"id": r["id"], "title": r.get("title", ""),
                              "text": r.get("body", r.get("text", ""))} for r in test])
    out = subprocess.run(["ruby", os.path.join(HERE, "bayes.rb"), tr, te, label, lang],
                         check=True, capture_output=True, text=True).stdout
    got = {l.split("\t")[0]: l.split("\t")[1:] for l in out.splitlines()}
    labels = sorted(set(r[label] for r in train))
    pred, score = [], []
    for r in test:
        lab, s = got[r["id"]]
        s = float(s)
        if len(labels) == 2 and positive != labels[0]:
            s = -s
        pred.append(lab)
        score.append(s)
    return pred, score


class Engine:
    def __init__(self, binary):
        self.bin = binary
        self.train_s = []
        self.us_per_item = []

    def run(self, train, test, label, positive, lang, work, kind):
        head = ["id", "title", "text", label]
        tr, te = os.path.join(work, "engine-train.tsv"), os.path.join(work, "engine-test.tsv")
        write_tsv(tr, head, [{"id": r["id"], "title": r.get("title", ""),
                              "text": r.get("body", r.get("text", "")), label: r[label]} for r in train])
        # The input keeps its label column: the engine must not read it.
        write_tsv(te, head, [{"id": r["id"], "title": r.get("title", ""),
                              "text": r.get("body", r.get("text", "")), label: r[label]} for r in test])
        cmd = [self.bin, "score", kind, "--train", tr, "--input", te, "--label", label, "--verbose"]
        if kind == "spam":
            cmd += ["--positive", positive]
        p = subprocess.run(cmd, check=True, capture_output=True, text=True)
        for part in p.stderr.split(";"):
            if "trained on" in part:
                self.train_s.append(float(part.split(" in ")[1].split(" s")[0]))
            if "scored" in part:
                self.us_per_item.append(float(part.split("(")[1].split(" us")[0]))
        got = {}
        for l in p.stdout.splitlines():
            f = l.split("\t")
            got[f[0]] = f[1:]
        pred, score = [], []
        for r in test:
            a, b = got[r["id"]]
            if kind == "spam":
                score.append(float(a))
                pred.append(b)
            else:
                pred.append(a)
                score.append(float(b))
        return pred, score


# --- tasks ---------------------------------------------------------------------------------


def folds_public_spam(rows):
    videos = sorted(set(r["source"] for r in rows if r["source"] != "sms"))
    for v in videos:
        yield v, [r for r in rows if r["source"] != v], [r for r in rows if r["source"] == v]


def folds_by(rows, key):
    for g in sorted(set(r[key] for r in rows)):
        yield g, [r for r in rows if r[key] != g], [r for r in rows if r[key] == g]


def folds_kfold(rows, label, k, seed):
    y = [r[label] for r in rows]
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for i, (a, b) in enumerate(skf.split(np.zeros(len(y)), y)):
        yield f"fold{i}", [rows[j] for j in a], [rows[j] for j in b]


def binary_metrics(y, pred, score, positive):
    t = [1 if v == positive else 0 for v in y]
    p = [1 if v == positive else 0 for v in pred]
    return f1_score(t, p, zero_division=0), average_precision_score(t, score)


def conf_ap(y, pred, score):
    """How well the confidence ranks right suggestions above wrong ones."""
    ok = [1 if a == b else 0 for a, b in zip(y, pred)]
    return average_precision_score(ok, score) if 0 < sum(ok) < len(ok) else float("nan")


def run_task(name, folds, label, positive, lang, kind, engine_bin, work, extra=None):
    """Every method on every fold; returns {method: (y, pred, score, rows)} pooled."""
    methods = list(METHODS.items()) + [("classifier-reborn", None), ("inspraak", None)]
    pooled = {m: ([], [], [], []) for m, _ in methods}
    eng = Engine(engine_bin)
    per_group = {m: {} for m, _ in methods}
    t0 = time.time()
    # BENCH_CACHE=1 keeps the anchors' predictions between runs, for work on the engine.
    cache_path = os.path.join(work, f"cache-{name}.pickle")
    cache = {}
    if os.environ.get("BENCH_CACHE") and os.path.exists(cache_path):
        with open(cache_path, "rb") as f:
            cache = pickle.load(f)
    seen = collections.Counter()
    for gname, train, test in folds:
        seen[gname] += 1
        for m, fn in methods:
            key = (gname, seen[gname], m)
            if key in cache:
                pred, score = cache[key]
            elif m == "classifier-reborn":
                pred, score = bayes_rb(train, test, label, positive, lang, work)
            elif m == "inspraak":
                pred, score = eng.run(train, test, label, positive, lang, work, kind)
            else:
                pred, score = fn(train, test, label, positive, lang)
            if m != "inspraak":
                cache[key] = (pred, score)
            y = [r[label] for r in test]
            for dst, src in zip(pooled[m], (y, pred, score, test)):
                dst.extend(src)
            per_group[m][gname] = (y, pred, score)
    if os.environ.get("BENCH_CACHE"):
        with open(cache_path, "wb") as f:
            pickle.dump(cache, f)
    return pooled, per_group, eng, time.time() - t0


# (task, metric, engine's figure, best anchor's name, its figure), for the closing summary.
SUMMARY = []


def summarise(task, metric, figures):
    anchors = {m: v for m, v in figures.items() if m != "inspraak" and v == v}
    best = max(anchors, key=anchors.get)
    SUMMARY.append((task, metric, figures["inspraak"], best, anchors[best]))


def print_summary():
    print("\n== summary: the engine beside the best anchor on each task (the issue's target: above it)")
    print(f"  {'task':<26} {'metric':<7} {'inspraak':>8} {'best anchor':>8}  {'':<18} verdict")
    for task, metric, eng, best, val in SUMMARY:
        verdict = "above" if eng > val else f"SHORT by {val - eng:.3f}"
        print(f"  {task:<26} {metric:<7} {eng:8.3f} {val:8.3f}  {best:<18} {verdict}")


def fmt(x):
    return "   -  " if x != x else f"{x:6.3f}"


def print_binary(title, pooled, per_group, eng, positive, grens=None, repeats=1, task=None):
    print(f"\n== {title}")
    hdr = f"  {'method':<20} {'F1':>6} {'AP':>6} {'F1/grp':>6} {'AP/grp':>6}"
    if grens is not None:
        hdr += f" {'borderline flagged':>20}"
    print(hdr)
    f1_of, ap_of = {}, {}
    for m, (y, pred, score, rows) in pooled.items():
        f1 = ap = 0.0
        # Pooled over folds; with repeated CV, the mean over repeats.
        n = len(y) // repeats
        f1s, aps = [], []
        for k in range(repeats):
            a, b = binary_metrics(y[k * n:(k + 1) * n], pred[k * n:(k + 1) * n],
                                  score[k * n:(k + 1) * n], positive)
            f1s.append(a)
            aps.append(b)
        f1, ap = sum(f1s) / repeats, sum(aps) / repeats
        gf, ga = [], []
        for g, (gy, gp, gs) in per_group[m].items():
            if 0 < sum(v == positive for v in gy) < len(gy):
                a, b = binary_metrics(gy, gp, gs, positive)
                gf.append(a)
                ga.append(b)
        f1_of[m], ap_of[m] = f1, ap
        line = f"  {m:<20} {fmt(f1)} {fmt(ap)} {fmt(np.mean(gf))} {fmt(np.mean(ga))}"
        if grens is not None:
            flagged = sum(1 for r, p in zip(rows, pred) if "grensgeval" in r.get("note", "") and p == positive)
            line += f" {flagged:>12d} of {grens * repeats:<3d}"
        print(line)
    print(f"  inspraak: training {np.mean(eng.train_s):.3f} s per fold (max {max(eng.train_s):.3f} s),"
          f" scoring {np.mean(eng.us_per_item):.1f} us per item")
    if task:
        summarise(task, "F1", f1_of)
        summarise(task, "AP", ap_of)


def print_multi(title, pooled, per_group, eng, repeats=1, task=None):
    print(f"\n== {title}")
    print(f"  {'method':<20} {'acc':>6} {'macroF1':>7} {'confAP':>6}")
    acc_of, ca_of = {}, {}
    for m, (y, pred, score, rows) in pooled.items():
        n = len(y) // repeats
        acc = np.mean([accuracy_score(y[k * n:(k + 1) * n], pred[k * n:(k + 1) * n]) for k in range(repeats)])
        mf = np.mean([f1_score(y[k * n:(k + 1) * n], pred[k * n:(k + 1) * n], average="macro", zero_division=0)
                      for k in range(repeats)])
        ca = np.mean([conf_ap(y[k * n:(k + 1) * n], pred[k * n:(k + 1) * n], score[k * n:(k + 1) * n])
                      for k in range(repeats)])
        acc_of[m], ca_of[m] = acc, ca
        print(f"  {m:<20} {fmt(acc)} {fmt(mf):>7} {fmt(ca)}")
    print(f"  inspraak: training {np.mean(eng.train_s):.3f} s per fold (max {max(eng.train_s):.3f} s),"
          f" scoring {np.mean(eng.us_per_item):.1f} us per item")
    if task:
        summarise(task, "acc", acc_of)
        summarise(task, "confAP", ca_of)


def repeated(rows, label, seeds):
    for s in seeds:
        yield from folds_kfold(rows, label, 5, s)


def main():
    engine_bin, data, work = sys.argv[1:4]
    tasks = sys.argv[4:] or ["spam", "moderation", "departments", "nl-spam", "nl-department"]
    os.makedirs(work, exist_ok=True)
    pub = os.path.join(data, "public")
    print("Classification benchmark of the analysis engine (development data only; every score "
          "comes from a model that did not see the item)")
    print(ATTRIBUTION)
    if "spam" in tasks:
        _, rows = read_tsv(os.path.join(pub, "spam-dev.tsv"))
        res = run_task("spam", folds_public_spam(rows), "label", "spam", "en", "spam", engine_bin, work)
        print_binary("spam: train on SMS + two YouTube videos, score the third (pooled; /grp = "
                     "mean over the three videos)", *res[:3], "spam", task="spam (YouTube)")
    if "moderation" in tasks:
        _, rows = read_tsv(os.path.join(pub, "moderation-dev.tsv"))
        res = run_task("moderation", folds_by(rows, "conversation"), "label", "hidden", "en", "spam",
                       engine_bin, work)
        print_binary("moderation (hidden/accepted): leave one conversation out (pooled; /grp = mean "
                     "over conversations with both labels)", *res[:3], "hidden", task="moderation (Polis)")
    if "departments" in tasks:
        _, rows = read_tsv(os.path.join(pub, "departments-dev.tsv"))
        for src in ("raddialog-bonn", "klimarat-at"):
            part = [r for r in rows if r["source"] == src]
            res = run_task(src, folds_kfold(part, "category", 5, 0), "category", None, "de",
                           "department", engine_bin, work)
            print_multi(f"departments {src}: stratified 5-fold cross-validation", *res[:3],
                        task=f"departments {src}")
    seeds = (0, 1, 2)
    if "nl-spam" in tasks:
        _, rows = read_tsv(os.path.join(data, "nl-dev", "ideas.tsv"))
        grens = sum("grensgeval" in r["note"] for r in rows)
        res = run_task("nl-spam", repeated(rows, "spam", seeds), "spam", "yes", "nl", "spam",
                       engine_bin, work)
        print_binary("nl-dev spam (yes/no): stratified 5-fold CV x 3 seeds; borderline = angry but "
                     "legitimate ideas (grensgeval) scored as spam", *res[:3], "yes", grens=grens,
                     repeats=len(seeds), task="nl-dev spam")
    if "nl-department" in tasks:
        _, rows = read_tsv(os.path.join(data, "nl-dev", "ideas.tsv"))
        rows = [r for r in rows if r["department"] != "-"]
        res = run_task("nl-department", repeated(rows, "department", seeds), "department", None, "nl",
                       "department", engine_bin, work)
        print_multi("nl-dev department (real ideas): stratified 5-fold CV x 3 seeds", *res[:3],
                    repeats=len(seeds), task="nl-dev department")
    print_summary()
    print()
    print(ATTRIBUTION)


if __name__ == "__main__":
    main()
