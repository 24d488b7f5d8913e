#ifndef INSPRAAK_CLI_H
#define INSPRAAK_CLI_H

/* Parse the command line and run the console or a subcommand; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
