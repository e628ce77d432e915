-- wheeltapper audit --cache, schema version 1 (PRAGMA user_version = 1, PRAGMA application_id = 0x57540001)
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,                -- 'schema' ('1'), 'application' ('wheeltapper-cache'), 'created'
  value TEXT NOT NULL
);
CREATE TABLE runs (
  run_id       INTEGER PRIMARY KEY,      -- 1, 2, ... in start order
  started      TEXT NOT NULL,            -- ISO-8601 UTC
  finished     TEXT,                     -- NULL while running, or for a run that was killed
  tool_version TEXT NOT NULL,            -- tool.version of the JSON report
  settings     TEXT NOT NULL,            -- digest of every setting that changes a report (artifacts.settings)
  described    TEXT NOT NULL,            -- those settings in words
  audited      INTEGER NOT NULL DEFAULT 0, -- wheels audited and stored by this run
  from_cache   INTEGER NOT NULL DEFAULT 0  -- wheels replayed from the cache by this run
);
CREATE TABLE artifacts (
  artifact_id  INTEGER PRIMARY KEY,
  sha256       TEXT NOT NULL,            -- of the wheel's bytes, hashed by the run (never an index's #sha256=)
  file_name    TEXT NOT NULL,            -- the file name, whose tags the audit judges
  sidecars     TEXT NOT NULL,            -- digest of the signature files beside the wheel (NAME.whl.*); '' if none
  tool_version TEXT NOT NULL,
  settings     TEXT NOT NULL,
  run_id       INTEGER NOT NULL REFERENCES runs (run_id), -- the run that audited it
  path         TEXT NOT NULL,            -- where that run found it
  size         INTEGER NOT NULL,         -- bytes
  kind         TEXT NOT NULL,            -- 'wheel'
  name         TEXT,                     -- from the file name (NULL when it does not parse)
  version      TEXT,
  build        TEXT,
  tags         TEXT NOT NULL,            -- JSON array of every tag of the file name
  verdict      TEXT NOT NULL,            -- 'pass' or 'fail' before waivers and baseline, at --fail-on error
  errors       INTEGER NOT NULL,
  warnings     INTEGER NOT NULL,
  notes        INTEGER NOT NULL,
  languages    TEXT NOT NULL,            -- JSON array: languages of the native code, first-seen order
  memory_safe  TEXT,                     -- 'yes', 'mixed', 'no', 'unknown'
  binaries     INTEGER NOT NULL,         -- native binaries inspected or recognised
  manylinux_claimed   TEXT,
  manylinux_satisfied TEXT,
  manylinux_ok        INTEGER,           -- 1, 0, NULL when the wheel has no manylinux verdict
  musllinux_claimed   TEXT,
  musllinux_satisfied TEXT,
  musllinux_ok        INTEGER,
  signed       INTEGER,                  -- 1 when a signature verified under the run's trust
  report       BLOB NOT NULL,            -- the whole report, deflated (what a replay renders)
  UNIQUE (sha256, file_name, sidecars, tool_version, settings)
);
CREATE TABLE binaries (
  artifact_id  INTEGER NOT NULL REFERENCES artifacts (artifact_id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,         -- position in the report's binaries, from 0
  path         TEXT NOT NULL,            -- entry path inside the wheel
  format       TEXT NOT NULL,            -- 'elf', 'pe', 'macho', or a recognised-only format
  inspected    INTEGER NOT NULL,         -- 1 read and inspected, 0 recognised by magic number only
  machine      TEXT NOT NULL,
  type         TEXT NOT NULL,
  soname       TEXT,                     -- DT_SONAME
  languages    TEXT NOT NULL,            -- JSON array
  memory_safe  TEXT,
  PRIMARY KEY (artifact_id, ordinal)
);
CREATE TABLE hardening (
  artifact_id  INTEGER NOT NULL REFERENCES artifacts (artifact_id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,         -- the binary's ordinal
  check_name   TEXT NOT NULL,            -- 'relro', 'nx', 'canary', 'pie', 'fortify', ... (docs/cli.md hardening)
  status       TEXT NOT NULL,
  value        TEXT NOT NULL,            -- 'full', 'partial', 'none', 'yes', 'no', ...
  PRIMARY KEY (artifact_id, ordinal, check_name)
);
CREATE TABLE libraries (
  artifact_id  INTEGER NOT NULL REFERENCES artifacts (artifact_id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,         -- the binary's ordinal
  position     INTEGER NOT NULL,         -- order of DT_NEEDED (or the format's import list)
  library      TEXT NOT NULL,            -- a needed library: 'libgfortran.so.5', 'KERNEL32.dll', ...
  PRIMARY KEY (artifact_id, ordinal, position)
);
CREATE TABLE findings (
  artifact_id  INTEGER NOT NULL REFERENCES artifacts (artifact_id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,         -- position in the report's findings, from 0
  code         TEXT NOT NULL,            -- docs/findings.md
  severity     TEXT NOT NULL,            -- 'error', 'warning', 'note' (before waivers and baseline)
  entry_path   TEXT,                     -- the entry it is about; NULL for the whole wheel
  message      TEXT NOT NULL,
  facts        TEXT NOT NULL,            -- JSON object of the finding's facts
  PRIMARY KEY (artifact_id, ordinal)
);
CREATE TABLE run_artifacts (
  run_id       INTEGER NOT NULL REFERENCES runs (run_id),
  path         TEXT NOT NULL,            -- the wheel's path in that run
  artifact_id  INTEGER NOT NULL REFERENCES artifacts (artifact_id) ON DELETE CASCADE,
  from_cache   INTEGER NOT NULL,         -- 1 replayed, 0 audited by that run
  PRIMARY KEY (run_id, path)
);
CREATE INDEX findings_code ON findings (code);
CREATE INDEX libraries_library ON libraries (library);
CREATE INDEX run_artifacts_artifact ON run_artifacts (artifact_id);
