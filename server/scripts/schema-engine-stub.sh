#!/bin/sh
# Prisma's CLI insists on a native schema-engine binary, which cannot be downloaded on offline machines.
# `prisma generate` only asks it for its version; migrations are diffed with @prisma/schema-engine-wasm instead.
echo "schema-engine-cli 7.10.0"
