# Sourced by ./vigil and ./run-tests: finds a JDK >= 21 and exports JAVA_HOME for it.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).
# Stops with one line saying what to install when none is found.

vigil_java_major() { # $1 = JDK home; prints the feature version (17, 21, 25 …) or nothing
  # The JDK's release file answers without starting a JVM; ask the JVM only when it is missing.
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

vigil_find_jdk() {
  local candidates=() c bin major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    bin="$c/bin/java"
    [ -x "$bin" ] && [ -x "$c/bin/javac" ] || continue
    major=$(vigil_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  echo "vigil: needs a JDK 21 or newer (found none in JAVA_HOME, PATH or /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME." >&2
  return 1
}
