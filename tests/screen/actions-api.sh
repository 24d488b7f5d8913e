#!/bin/bash
# The decisions of actions.sh over the web API, against the fake Go Vocal server.
INSPRAAK_BACKEND=api exec bash "$(dirname "$0")/actions.sh" "$@"
