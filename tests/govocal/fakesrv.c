/* The fake Go Vocal server for the C tests (see fakesrv.h). */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/util.h"
#include "tests/govocal/fakesrv.h"

char fake_url[256];
char fake_ca[320];

static char dir[256];
static const char *name = "test";
static pid_t fake_pid, owner;

static const char *source_dir(void)
{
	const char *env = getenv("INSPRAAK_SRCDIR");
	static char d[4096];
	char *slash;

	if (env && *env)
		return env;
	/* Run by hand: this file lies two directories below the source tree. */
	snprintf(d, sizeof(d), "%s", __FILE__);
	for (int i = 0; i < 3 && (slash = strrchr(d, '/')); i++)
		*slash = '\0';
	return d[0] && strcmp(d, __FILE__) != 0 ? d : ".";
}

static void fake_stop(void)
{
	char cmd[400];

	if (!fake_pid || getpid() != owner)
		return;
	kill(fake_pid, SIGTERM);
	waitpid(fake_pid, NULL, 0);
	fake_pid = 0;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "%s: could not remove %s\n", name, dir);
}

static void on_signal(int sig)
{
	fake_stop();
	signal(sig, SIG_DFL);
	raise(sig);
}

void fakesrv_start(const char *who, bool no_rate_limit)
{
	const char *tmp = getenv("TMPDIR"), *py = getenv("PYTHON");
	char cmd[8192], script[4096 + 64], cert[400], key[400];
	int fd[2];
	FILE *in;

	if (fake_pid)
		return;
	name = who;
	snprintf(dir, sizeof(dir), "%s/inspraak-gv.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir) || pipe(fd) != 0) {
		perror(name);
		exit(1);
	}
	snprintf(cmd, sizeof(cmd), "sh '%s/tests/govocal/make-certs.sh' '%s/certs' >/dev/null",
		 source_dir(), dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "%s: make-certs.sh failed\n", name);
		exit(1);
	}
	snprintf(fake_ca, sizeof(fake_ca), "%s/certs/ca.pem", dir);
	snprintf(cert, sizeof(cert), "%s/certs/server.pem", dir);
	snprintf(key, sizeof(key), "%s/certs/server.key", dir);
	snprintf(script, sizeof(script), "%s/tests/govocal/fake_govocal.py", source_dir());
	owner = getpid();
	fake_pid = fork();
	if (fake_pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execlp(py && *py ? py : "python3", "python3", script, "--cert", cert, "--key", key,
		       no_rate_limit ? "--no-rate-limit" : (char *)NULL, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	atexit(fake_stop);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	in = fdopen(fd[0], "r");
	/* The first line is the base URL; the pipe stays open so the fake never gets SIGPIPE. */
	if (!in || !fgets(fake_url, sizeof(fake_url), in) || strncmp(fake_url, "https://", 8) != 0) {
		fprintf(stderr, "%s: the fake server did not start\n", name);
		exit(1);
	}
	fake_url[strcspn(fake_url, "\r\n")] = '\0';
}

static size_t sink(char *data, size_t size, size_t n, void *arg)
{
	sbuf_addn(arg, data, size * n);
	return size * n;
}

char *fakesrv_request(const char *method, const char *path, const char *body)
{
	struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
	CURL *k = curl_easy_init();
	struct sbuf b;
	char url[512];
	CURLcode rc;

	sbuf_init(&b);
	snprintf(url, sizeof(url), "%s%s", fake_url, path);
	curl_easy_setopt(k, CURLOPT_URL, url);
	curl_easy_setopt(k, CURLOPT_CAINFO, fake_ca);
	curl_easy_setopt(k, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(k, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(k, CURLOPT_WRITEFUNCTION, sink);
	curl_easy_setopt(k, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(k, CURLOPT_TIMEOUT, 10L);
	if (body)
		curl_easy_setopt(k, CURLOPT_POSTFIELDS, body);
	rc = curl_easy_perform(k);
	curl_slist_free_all(h);
	curl_easy_cleanup(k);
	ck_assert_msg(rc == CURLE_OK, "%s %s: %s", method, path, curl_easy_strerror(rc));
	if (!b.s)
		sbuf_add(&b, "");
	return sbuf_take(&b);
}
