/* L2-regularised logistic regression on sparse rows, trained by dual coordinate descent
 * (Yu, Huang and Lin, "Dual coordinate descent methods for logistic regression and maximum
 * entropy models", Machine Learning 85, 2011). It needs one weight vector and one number per
 * row, converges in a few dozen passes over the data, and is deterministic for a seed. */
#ifndef INSPRAAK_AN_LINEAR_H
#define INSPRAAK_AN_LINEAR_H

#include <stdint.h>

/* Rows of a sparse matrix: row i has columns col[start[i] .. start[i+1]). */
struct lin_rows {
	int n, ncol;
	int64_t *start;
	int32_t *col;
	float *val;
};

struct lin_problem {
	const struct lin_rows *x;
	const signed char *y;   /* +1 or -1 per row */
	const double *cost;     /* C_i > 0: the weight of row i's loss against the penalty */
	const double *prior;    /* NULL, or ncol weights the penalty pulls towards instead of 0 */
	uint64_t seed;          /* the order rows are visited in */
	double tol;             /* stop when no row's log-odds is further than this from its optimum */
	int max_epochs;
};

/* Minimise 1/2 |w - prior|^2 + sum_i cost_i log(1 + exp(-y_i w.x_i)) and write w (ncol
 * numbers). Returns the number of passes made. */
int lin_train(const struct lin_problem *p, double *w);

/* A deterministic random number generator (splitmix64), for shuffles. */
uint64_t lin_rand(uint64_t *state);

#endif
