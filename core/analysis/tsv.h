/* UTF-8 TSV with a header line, as the data sets and `inspraak score` use it: one TAB
 * between fields, no quoting, LF (or CRLF) line ends. Columns are found by name. */
#ifndef INSPRAAK_AN_TSV_H
#define INSPRAAK_AN_TSV_H

#include <stdbool.h>

#include "core/util.h"

struct tsv {
	char *path;
	char **names;      /* header */
	int ncols;
	char ***rows;      /* rows[i][c], each a NUL-terminated field */
	int nrows;
	int *lines;        /* the file's line number of each row, for messages */
	char *data;        /* the file's bytes, which the fields point into */
};

/* Read a whole file. ST_INVALID with "FILE:LINE: what is wrong" for: a missing or empty file,
 * an empty header, invalid UTF-8, a row with another number of fields than the header, a NUL
 * byte. Empty lines at the end are allowed. */
enum status tsv_read(const char *path, struct tsv *t, struct err *e);
void tsv_free(struct tsv *t);

/* The index of a column, or -1. */
int tsv_col(const struct tsv *t, const char *name);
/* A column that must be there: ST_INVALID naming the file and the column otherwise. */
enum status tsv_need(const struct tsv *t, const char *name, int *col, struct err *e);
/* The text of an item: title and body (or title and text, or text alone), joined by ". ".
 * Allocated. */
char *tsv_item_text(const struct tsv *t, int row);

#endif
