/* Writing a reply in the moderator's own editor: $VISUAL, else $EDITOR, else vi. */
#ifndef INSPRAAK_EDITOR_H
#define INSPRAAK_EDITOR_H

#include "core/util.h"

/* Edit text in the editor, with the terminal handed over and taken back. ST_CANCELLED with a
 * sentence when the editor exits non-zero or cannot start; *out is the text as saved
 * (allocated). */
enum status editor_edit(const char *text, char **out, struct err *e);

#endif
