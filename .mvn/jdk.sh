# Sourced by ./mvnw and deploy/local/start: picks a JDK >= 21 (JAVA_HOME first, then java on PATH, then the
# usual install folders) and exports JAVA_HOME and PATH for it.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

kasam_pick_jdk() {
  local candidates=() d v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    v="$(java_major "$d" 2>/dev/null || true)"
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] && [ -x "$d/bin/javac" ]; then
      JAVA_HOME="$d"; PATH="$JAVA_HOME/bin:$PATH"; export JAVA_HOME PATH
      return 0
    fi
  done
  echo "Kasam needs a JDK 21 or newer; none was found (JAVA_HOME=${JAVA_HOME:-unset})." >&2
  echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
