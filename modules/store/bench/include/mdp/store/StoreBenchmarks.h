#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

namespace mdp::store {

// Figures for `mdp bench store --json`, each next to a baseline measured in the same run (best of
// three runs). Scratch files are synthetic and are deleted afterwards.
//
// Database: inserts/s (transactions of 1 000 rows of about 400 bytes, through Database::transaction
// and the statement cache) and point reads/s by primary key (after reopening, so pages are
// decrypted), for SM4-CBC and AES-256-CBC pages, each against the same SQLCipher library opened
// unkeyed with the same page size, cache and pragmas. extra.time_ratio = keyed time / unkeyed
// time (goal <= 1.3 for AES).
QList<mdp::BenchLine> runStoreBenchmarks(const QString &scratchDir, int rows = 20000);

// Vault: put and get MB/s for SM4-GCM and AES-256-GCM (64 KiB chunks; put includes the HMAC-SM3
// id pass, the file write and fsync) against raw libgcrypt GCM encryption / decryption of the
// same buffers in the same chunks.
QList<mdp::BenchLine> runVaultBenchmarks(const QString &scratchDir, int megabytes = 64);

} // namespace mdp::store
