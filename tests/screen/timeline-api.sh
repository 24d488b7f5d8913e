#!/bin/bash
# The timeline tests of timeline.sh over the web API, against the fake Go Vocal server.
INSPRAAK_BACKEND=api exec bash "$(dirname "$0")/timeline.sh" "$@"
