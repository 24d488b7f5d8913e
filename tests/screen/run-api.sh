#!/bin/bash
# The screen tests of run.sh over the web API: the console with --api against the fake Go Vocal
# server (tests/govocal), seeded with the same municipality. Where the platform's screen
# differs for a reason (it names the platform, has no duplicate queue, no areas on ideas, no
# report counts for moderators), golden/api/ holds its screen.
INSPRAAK_BACKEND=api exec bash "$(dirname "$0")/run.sh" "$@"
