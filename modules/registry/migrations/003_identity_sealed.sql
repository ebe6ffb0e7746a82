-- Issue 9 part 2: a patient's identity (names, their pinyin, phone, e-mail, address) is sealed in
-- one value under the workspace's identity key, which only roles that may see identity reach. The
-- plain columns above stay for the schema's sake and are written empty; identifier values and the
-- identity part of each history snapshot are sealed in place ("sealed:" + base64).
ALTER TABLE registry_patients ADD COLUMN identity BLOB;
