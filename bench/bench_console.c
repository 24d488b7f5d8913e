/* The console's speed and memory, measured on the real binary in a pseudo-terminal: time from
 * the connection to the first complete screen, time per navigation key (read to on screen),
 * and peak resident memory. The binary reports its own timings through INSPRAAK_TRACE; this
 * program sends one key at a time, waits for it to be done, and sums up.
 *
 * Usage: bench_console INSPRAAK_BINARY CONNINFO
 *        bench_console INSPRAAK_BINARY https://PLATFORM [CA_FILE]
 * With a platform (the web API; log in first), a key counts as having waited on the network
 * when it took more than half of $INSPRAAK_BENCH_LATENCY_MS (default 100): the round trip the
 * fake server was told to add. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util.h"

static int master = -1;
static char trace_path[256];
static FILE *trace;

/* Keep the terminal's output flowing so the console never blocks on a full pty. */
static void drain(int ms)
{
	char buf[65536];
	struct pollfd p = { master, POLLIN, 0 };

	while (poll(&p, 1, ms) > 0) {
		if (read(master, buf, sizeof(buf)) <= 0)
			break;
		ms = 0;
	}
}

/* The next trace line, waiting for it up to 30 s. */
static bool next_line(char *line, size_t n)
{
	for (int i = 0; i < 30000; i++) {
		long pos = ftell(trace);

		if (fgets(line, (int)n, trace) && strchr(line, '\n'))
			return true;
		fseek(trace, pos, SEEK_SET);
		clearerr(trace);
		drain(1);
	}
	return false;
}

struct series {
	const char *name;
	const char *keys; /* sent in turn */
	int count;
	double *us;
	int n;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
	int i;

	if (n == 0)
		return 0;
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	i = (int)(p * (n - 1) + 0.5);
	return v[i];
}

static bool send_key(const char *k, double *us)
{
	char line[256], what[32], name[32];
	long long t;

	if (write(master, k, strlen(k)) < 0)
		return false;
	while (next_line(line, sizeof(line))) {
		if (sscanf(line, "%31s %31s %lld", what, name, &t) == 3 && strcmp(what, "key") == 0) {
			*us = (double)t;
			return true;
		}
	}
	return false;
}

int main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	pid_t pid;
	char line[256], what[32], name[32];
	long long ready = -1;
	int status;
	struct rusage ru;
	struct series series[] = {
		{ "next item (j)", "j", 400, NULL, 0 },
		{ "next page (PgDn)", "\033[6~", 100, NULL, 0 },
		{ "switch queue (1/2/3)", "231", 60, NULL, 0 },
		{ "open detail (Enter, Esc)", "\r\033", 60, NULL, 0 },
		{ "previous item (k)", "k", 200, NULL, 0 },
		{ "last item (G)", "G", 5, NULL, 0 },
	};

	bool api = argc >= 3 && strncmp(argv[2], "https://", 8) == 0;
	const char *lat = getenv("INSPRAAK_BENCH_LATENCY_MS");
	double waited_us = (lat && *lat ? atof(lat) : 100) * 1000 / 2;
	int keys = 0, waited = 0;
	int64_t quit_us;

	if (argc != 3 && !(api && argc == 4)) {
		fprintf(stderr, "usage: bench_console INSPRAAK_BINARY CONNINFO|https://PLATFORM [CA_FILE]\n");
		return 2;
	}
	snprintf(trace_path, sizeof(trace_path), "/tmp/inspraak-bench-trace.%d", (int)getpid());
	unlink(trace_path);
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		setenv("INSPRAAK_TRACE", trace_path, 1);
		setenv("ESCDELAY", "1", 1);
		if (api && argc == 4)
			execl(argv[1], argv[1], "--api", argv[2], "--ca-file", argv[3], (char *)NULL);
		else if (api)
			execl(argv[1], argv[1], "--api", argv[2], (char *)NULL);
		else
			execl(argv[1], argv[1], "--db", argv[2], (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 3000 && !(trace = fopen(trace_path, "r")); i++)
		drain(10);
	if (!trace) {
		fprintf(stderr, "bench_console: the console did not start (no trace)\n");
		kill(pid, SIGTERM);
		return 1;
	}
	while (next_line(line, sizeof(line)))
		if (sscanf(line, "%31s %31s %lld", what, name, &ready) == 3 && strcmp(what, "ready") == 0)
			break;
	if (ready < 0) {
		fprintf(stderr, "bench_console: no first screen\n");
		kill(pid, SIGTERM);
		return 1;
	}
	for (size_t s = 0; s < ARRAY_SIZE(series); s++) {
		struct series *se = &series[s];
		size_t nk = strlen(se->keys);

		se->us = xcalloc((size_t)se->count + 8, sizeof(double));
		for (int i = 0; i < se->count; i++) {
			/* One "key" may be several keys in turn (Enter then Esc): each is timed. */
			const char *k = se->keys;
			char one[8];

			if (se->keys[0] == '\033' && se->keys[1] == '[') {
				snprintf(one, sizeof(one), "%s", se->keys);
				if (!send_key(one, &se->us[se->n++]))
					goto broken;
				continue;
			}
			snprintf(one, sizeof(one), "%c", k[i % nk]);
			if (!send_key(one, &se->us[se->n++]))
				goto broken;
		}
	}
	if (write(master, "q", 1) < 0)
		goto broken;
	quit_us = now_us();
	for (int i = 0; i < 3000; i++) {
		drain(10);
		if (wait4(pid, &status, WNOHANG, &ru) == pid) {
			quit_us = now_us() - quit_us;
			goto done;
		}
	}
broken:
	fprintf(stderr, "bench_console: the console stopped answering\n");
	kill(pid, SIGTERM);
	wait4(pid, &status, 0, &ru);
	return 1;
done:
	printf("time to first full screen after the connection: %.1f ms\n", (double)ready / 1000);
	printf("%-28s %6s %10s %10s %10s\n", "key", "n", "median", "p99", "max");
	for (size_t s = 0; s < ARRAY_SIZE(series); s++) {
		struct series *se = &series[s];
		double med = pct(se->us, se->n, 0.5), p99 = pct(se->us, se->n, 0.99);

		for (int i = 0; i < se->n; i++) {
			keys++;
			waited += se->us[i] > waited_us;
		}
		printf("%-28s %6d %8.2f ms %7.2f ms %7.2f ms\n", se->name, se->n, med / 1000, p99 / 1000,
		       se->n ? se->us[se->n - 1] / 1000 : 0);
		free(se->us);
	}
	if (api)
		printf("keys that waited on the network (over %.0f ms): %d of %d (%.1f %%)\n",
		       waited_us / 1000, waited, keys, keys ? 100.0 * waited / keys : 0);
	printf("q to the end of the process: %.1f ms\n", (double)quit_us / 1000);
	printf("peak resident memory: %.1f MiB\n", (double)ru.ru_maxrss / 1024);
	fclose(trace);
	unlink(trace_path);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
