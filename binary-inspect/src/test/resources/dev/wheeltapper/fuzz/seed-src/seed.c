extern int puts(const char *);
int wt_fuzz_seed(int x) { char b[64]; b[x & 63] = 1; puts(b); return b[0]; }
