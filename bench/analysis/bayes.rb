# The Decidim anchor: classifier-reborn's naive Bayes (the Debian package
# ruby-classifier-reborn), with its defaults (stemming, the language's stop words).
# Usage: ruby bayes.rb TRAIN.tsv TEST.tsv LABEL_COLUMN LANGUAGE > scores.tsv
# Prints `id  label  score` per test row; with two labels score is the log-odds of the
# first label in sorted order, with more it is the winner's share of the probability.
require 'classifier-reborn'

def read_tsv(path)
  lines = File.read(path, encoding: 'UTF-8').split("\n")
  head = lines.shift.split("\t", -1)
  rows = lines.reject(&:empty?).map { |l| head.zip(l.split("\t", -1)).to_h }
  [head, rows]
end

def text_of(row)
  title = row['title'].to_s
  body = (row['body'] || row['text']).to_s
  title = '' if title == '-'
  body = '' if body == '-'
  return "#{title}. #{body}" if !title.empty? && !body.empty?
  title.empty? ? body : title
end

train_path, test_path, label, lang = ARGV
_, train = read_tsv(train_path)
_, test = read_tsv(test_path)
train = train.reject { |r| r[label].to_s.empty? || r[label] == '-' }
labels = train.map { |r| r[label] }.uniq.sort
bayes = ClassifierReborn::Bayes.new(*labels, language: lang)
names = {}
labels.each { |l| names[ClassifierReborn::CategoryNamer.prepare_name(l).to_s] = l }
train.each { |r| bayes.train(r[label], text_of(r)) }
test.each do |r|
  sc = bayes.classifications(text_of(r))
  sc = sc.transform_keys { |k| names[k] || k }
  if sc.values.any? { |v| !v.finite? }
    # No word the filter knows: the prior alone.
    best = labels.max_by { |l| train.count { |t| t[label] == l } }
    score = 0.0
  else
    best = sc.max_by { |_, v| v }[0]
    if labels.size == 2
      score = sc[labels[0]] - sc[labels[1]]
    else
      m = sc.values.max
      z = sc.values.sum { |v| Math.exp(v - m) }
      score = 1.0 / z
    end
  end
  puts [r['id'], best, score].join("\t")
end
