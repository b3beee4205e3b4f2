# skillscore as a container: the static binary on an empty base (no shell, no
# libc: the binary needs neither). Build: docker build -t skillscore .
# Run:   docker run --rm -v "$PWD:/src" skillscore check .
# The pre-commit hooks `skillscore-docker` (builds this file) and
# `skillscore-docker-image` (the published image) run it.
FROM debian:12 AS build
WORKDIR /src
COPY . .
# The build steps are scripts/docker-build.sh, so that they can be tested
# without a container runtime (tests/cli/package_test.py runs them).
RUN scripts/docker-build.sh /out

FROM scratch
COPY --from=build /out/ /
WORKDIR /src
ENTRYPOINT ["/usr/bin/skillscore"]
CMD ["--help"]
