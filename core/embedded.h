/* Files of the source tree compiled into the binary (see tools/embed.sh). */
#ifndef INSPRAAK_EMBEDDED_H
#define INSPRAAK_EMBEDDED_H

struct embedded_file {
	const char *name; /* path in the source tree: "db/0001_schema.sql" */
	const char *text;
};

/* Terminated by an entry with a NULL name. */
extern const struct embedded_file embedded_files[];

#endif
