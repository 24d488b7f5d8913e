#include "config.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "tui/editor.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	struct sbuf b;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	sbuf_init(&b);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sbuf_addn(&b, buf, n);
	fclose(f);
	return sbuf_take(&b);
}

enum status editor_edit(const char *text, char **out, struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	const char *ed = getenv("VISUAL");
	char path[512];
	struct sigaction ign, old_int, old_quit;
	pid_t pid;
	int fd, st = -1;
	FILE *f;

	*out = NULL;
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	snprintf(path, sizeof(path), "%s/inspraak-reply.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		err_set(e, _("Cannot write a file for the editor: %s"), strerror(errno));
		if (fd >= 0)
			close(fd);
		return ST_FAIL;
	}
	fputs(text ? text : "", f);
	fclose(f);

	/* The terminal belongs to the editor now; ^C is the editor's, not ours. */
	def_prog_mode();
	endwin();
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		/* VISUAL is shell code, as for git: "code --wait" and "vim -c 'set tw=72'" work. */
		char *cmd = xasprintf("%s \"$1\"", ed);

		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();

	if (pid < 0) {
		err_set(e, _("Cannot start the editor: %s"), strerror(errno));
		unlink(path);
		return ST_FAIL;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
			err_set(e, _("The editor \"%s\" could not be started; nothing was sent."), ed);
		else
			err_set(e, _("The editor exited with status %d; nothing was sent."),
				WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
		unlink(path);
		return ST_CANCELLED;
	}
	*out = slurp(path);
	unlink(path);
	if (!*out) {
		err_set(e, _("The editor left no file; nothing was sent."));
		return ST_CANCELLED;
	}
	return ST_OK;
}
