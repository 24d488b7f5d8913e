#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis/linear.h"
#include "core/util.h"

uint64_t lin_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static double sigmoid(double t)
{
	return t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t));
}

/* The one-row subproblem. Row i's dual variable is alpha = C sigma(t); keeping the log-odds
 * t rather than alpha keeps both alpha and C - alpha exact near either bound, where most rows
 * of a separable text problem end up. With a = |x_i|^2 and b = y_i w.x_i (w including the
 * row's current alpha), the optimum solves
 *	h(t) = t + a (C sigma(t) - alpha_old) + b = 0,
 * h is increasing with h' = 1 + a C sigma'(t) in [1, 1 + aC/4], so Newton's method inside a
 * shrinking bracket converges in a few steps. */
static double solve_row(double t_old, double a, double b, double c)
{
	double alpha_old = c * sigmoid(t_old);
	double lo = -b - a * (c - alpha_old), hi = -b + a * alpha_old;
	double t = t_old;

	if (t < lo || t > hi)
		t = (lo + hi) / 2;
	for (int it = 0; it < 60; it++) {
		double s = sigmoid(t);
		double h = t + a * (c * s - alpha_old) + b;
		double dh = 1 + a * c * s * (1 - s);
		double next;

		if (fabs(h) < 1e-9)
			break;
		if (h > 0)
			hi = t;
		else
			lo = t;
		next = t - h / dh;
		if (next <= lo || next >= hi)
			next = (lo + hi) / 2;
		if (fabs(next - t) < 1e-12)
			break;
		t = next;
	}
	return t;
}

int lin_train(const struct lin_problem *p, double *w)
{
	const struct lin_rows *x = p->x;
	int n = x->n, epoch;
	double *t = xmalloc((size_t)n * sizeof(*t));
	double *sq = xmalloc((size_t)n * sizeof(*sq));
	int *order = xmalloc((size_t)n * sizeof(*order));
	uint64_t rng = p->seed;

	/* w = prior + sum_i alpha_i y_i x_i, every alpha starting close to 0. */
	if (p->prior)
		memcpy(w, p->prior, (size_t)x->ncol * sizeof(*w));
	else
		memset(w, 0, (size_t)x->ncol * sizeof(*w));
	for (int i = 0; i < n; i++) {
		double alpha;

		t[i] = -12;
		alpha = p->cost[i] * sigmoid(t[i]);
		sq[i] = 0;
		for (int64_t k = x->start[i]; k < x->start[i + 1]; k++) {
			sq[i] += (double)x->val[k] * x->val[k];
			w[x->col[k]] += alpha * p->y[i] * x->val[k];
		}
		order[i] = i;
	}
	for (epoch = 0; epoch < p->max_epochs; epoch++) {
		double worst = 0;

		for (int i = n - 1; i > 0; i--) {
			int j = (int)(lin_rand(&rng) % (uint64_t)(i + 1)), tmp = order[i];

			order[i] = order[j];
			order[j] = tmp;
		}
		for (int r = 0; r < n; r++) {
			int i = order[r];
			double dot = 0, b, tn, delta, c = p->cost[i];

			for (int64_t k = x->start[i]; k < x->start[i + 1]; k++)
				dot += w[x->col[k]] * x->val[k];
			b = p->y[i] * dot;
			/* How far the row is from its own optimum, in log-odds. */
			if (fabs(t[i] + b) > worst)
				worst = fabs(t[i] + b);
			tn = solve_row(t[i], sq[i], b, c);
			delta = c * (sigmoid(tn) - sigmoid(t[i]));
			t[i] = tn;
			if (delta == 0)
				continue;
			delta *= p->y[i];
			for (int64_t k = x->start[i]; k < x->start[i + 1]; k++)
				w[x->col[k]] += delta * x->val[k];
		}
		if (worst < p->tol)
			break;
	}
	free(order);
	free(sq);
	free(t);
	return epoch + 1;
}
