# syntax=docker/dockerfile:1
# Bulwark in a minimal container: the NativeAOT binary on Ubuntu Chiseled (no shell, no package manager),
# running as a non-root user.
#
#   docker build -t bulwark .
#   docker run --rm -v "$PWD:/src:ro" bulwark scan .
#   docker run --rm -v "$PWD:/src" -u "$(id -u):$(id -g)" bulwark scan . --format sarif -o bulwark.sarif
#   docker run --rm -v "$PWD:/src:ro" -v bulwark-cache:/cache bulwark db update    # then scans see advisories
#
# NOT BUILT on the development machine: it has no Docker. Checked by reading against the .NET 10 image
# documentation only; build it once in CI before relying on it.
#
# Both stages are Ubuntu 24.04 ("noble"): .NET 10 ships no Debian images, and a NativeAOT binary needs a glibc
# at least as new as the one it was linked against, so it runs on the distribution it was built on.

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
# NativeAOT links with the platform toolchain.
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
ARG TARGETARCH
WORKDIR /repo
# Restore first, from the project files alone, so that source edits reuse the restored layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Bulwark.Python/Bulwark.Python.csproj src/Bulwark.Python/
COPY src/Bulwark/Bulwark.csproj src/Bulwark/
COPY src/Bulwark.Cli/Bulwark.Cli.csproj src/Bulwark.Cli/
RUN rid=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
 && dotnet restore src/Bulwark.Cli -r "$rid"
COPY src/ src/
RUN rid=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
 && dotnet publish src/Bulwark.Cli -c Release -r "$rid" --no-restore -o /out \
 && rm -f /out/*.dbg /out/*.pdb \
 && /out/bulwark version \
 && mkdir -p /out/cache

# runtime-deps: glibc, OpenSSL (for `bulwark db update`) and CA certificates, nothing else; user `app` (UID 1654).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/bulwark /usr/local/bin/bulwark
COPY --from=build --chown=1654:1654 /out/cache /cache
ENV BULWARK_CACHE_DIR=/cache
USER 1654
WORKDIR /src
ENTRYPOINT ["bulwark"]
CMD ["scan", "."]
