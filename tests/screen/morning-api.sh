#!/bin/bash
# The moderator's morning (morning.sh) over the web API, against the fake Go Vocal server
# seeded with the same demo municipality.
INSPRAAK_BACKEND=api exec bash "$(dirname "$0")/morning.sh" "$@"
