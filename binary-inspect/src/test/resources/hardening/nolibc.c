/* Hardening fixture: no C runtime objects, so the x86 GNU property note (IBT, SHSTK, ISA level) survives linking. */
int fixture_add(int a, int b) {
  return a + b;
}
