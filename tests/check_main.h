/* The main() every Check test program shares: run the suite, print TAP (make check reads it
 * through tap-driver.sh) and exit non-zero when a test failed. Include once, after defining
 * a function `Suite *make_suite(void)`. */
#ifndef INSPRAAK_CHECK_MAIN_H
#define INSPRAAK_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

Suite *make_suite(void);

int main(void)
{
	SRunner *sr = srunner_create(make_suite());
	int failed;

	if (!getenv("CK_TAP_LOG_FILE_NAME"))
		srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
