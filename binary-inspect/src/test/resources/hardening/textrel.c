/* Hardening fixture: built without -fPIC for i386 so the text needs relocations at load time (DT_TEXTREL). */
int fixture_value = 42;

int fixture_get(void) {
  return fixture_value;
}
