-- Which wheels bundle libgfortran (a copy inside the wheel, as auditwheel vendors it under NAME.libs/)?
SELECT DISTINCT a.file_name
FROM artifacts a JOIN binaries b USING (artifact_id)
WHERE b.soname LIKE 'libgfortran%' OR b.path LIKE '%/libgfortran%'
ORDER BY a.file_name;

-- Share of native wheels with Rust code, per project.
SELECT a.name,
       count(*) AS native_wheels,
       round(avg(EXISTS (SELECT 1 FROM json_each(a.languages) WHERE value = 'rust')), 4) AS rust_share
FROM artifacts a
WHERE a.binaries > 0 AND a.name IS NOT NULL
GROUP BY a.name
HAVING rust_share > 0
ORDER BY rust_share DESC, a.name;

-- Every wheel that failed, and why (its errors).
SELECT a.file_name, f.code, coalesce(f.entry_path, '') AS entry, f.message
FROM artifacts a JOIN findings f USING (artifact_id)
WHERE a.verdict = 'fail' AND f.severity = 'error'
ORDER BY a.file_name, f.ordinal;

-- Wheels whose binaries lack full RELRO.
SELECT a.file_name, b.path, h.value AS relro
FROM artifacts a
JOIN binaries b USING (artifact_id)
JOIN hardening h ON h.artifact_id = b.artifact_id AND h.ordinal = b.ordinal
WHERE h.check_name = 'relro' AND h.value <> 'full'
ORDER BY a.file_name, b.path;

-- What changed since the last run: wheels new, or with other bytes (or audited under another tool version or
-- settings), in the latest finished run, and wheels it no longer saw.
WITH last AS (SELECT max(run_id) AS id FROM runs WHERE finished IS NOT NULL),
     prev AS (SELECT max(run_id) AS id FROM runs WHERE finished IS NOT NULL AND run_id < (SELECT id FROM last))
SELECT CASE WHEN p.path IS NULL THEN 'new' ELSE 'changed' END AS change, r.path, a.verdict
FROM run_artifacts r
JOIN artifacts a USING (artifact_id)
LEFT JOIN run_artifacts p ON p.run_id = (SELECT id FROM prev) AND p.path = r.path
WHERE r.run_id = (SELECT id FROM last) AND (p.path IS NULL OR p.artifact_id <> r.artifact_id)
UNION ALL
SELECT 'gone', p.path, NULL
FROM run_artifacts p
WHERE p.run_id = (SELECT id FROM prev)
  AND p.path NOT IN (SELECT path FROM run_artifacts WHERE run_id = (SELECT id FROM last))
ORDER BY 2;
