/* The fake Go Vocal server (fake_govocal.py) for a C test program: made-up certificates in a
 * fresh directory, the server over HTTPS on the loopback, stopped and cleaned up when the
 * process that started it exits (also on SIGINT, SIGTERM and SIGHUP). Start it from the
 * parent process, as an unchecked fixture, so one server serves every test of the program. */
#ifndef INSPRAAK_TEST_FAKESRV_H
#define INSPRAAK_TEST_FAKESRV_H

#include <stdbool.h>

/* Its base URL ("https://127.0.0.1:PORT") and the CA that signed its certificate. */
extern char fake_url[256];
extern char fake_ca[320];

/* Start it once; who names the program in messages. no_rate_limit switches the platform's
 * throttles off (for programs that log in more often than 10 times in 20 s). Exits the
 * program with a message when it cannot start. */
void fakesrv_start(const char *who, bool no_rate_limit);

/* A request to the fake's steering API (/__fake/...), failing the current test when it does
 * not get through; the answer's body, allocated. */
char *fakesrv_request(const char *method, const char *path, const char *body);

#endif
