#pragma once

#include "mdp/foundation/BenchLine.h"
#include "mdp/foundation/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace mdp::startup {

struct StartBenchOptions
{
    QString scratchDirectory;   // workspaces, settings and caches of the runs; removed by the caller
    QString workstationProgram; // mdp-workstation
    QString minimalProgram;     // the minimal Qt Widgets program (baseline of the window cases)
    int repetitions = 5;        // measured runs per program and case (after one warm-up run)
    int unlockPatients = 1000000;
    int unlockRepetitions = 3;
    // Where the large workspace is generated; empty: in the scratch directory, removed afterwards.
    // A folder that already holds one of `unlockPatients` patients is reused (MDP_BENCH_LARGE_WORKSPACE).
    QString largeWorkspace;
    std::function<void(const QString &)> progress; // what is being done, for the terminal
};

// `mdp bench start`: process start to the sign-in window shown ("signin-shown") and to a usable
// main window in --demo ("demo-usable"), each against the minimal program started the same way in
// the same run (medians of interleaved runs); and the unlock of a workspace with
// `unlockPatients` patients and their creation events: until the workspace is open ("unlock") and
// until its background search index is built ("search-ready"), against opening the same SQLCipher
// database and reading its patient table.
QList<BenchLine> runStartBenchmarks(const StartBenchOptions &options);

// The programs next to `directory` (where `mdp` is installed or built): "" when absent.
QString siblingProgram(const QString &directory, const QString &name);

// Fills a new workspace at `directory` with `patients` synthetic patients (names, pinyin, a
// diagnosis event each) and one audit event per patient, as a registry of that size would have.
// Rows are written in bulk (the registry API's duplicate check makes a million take half an hour);
// the workspace opens like any other.
Result<void> createLargeWorkspace(const QString &directory, const QByteArray &passphrase, int patients,
                                  const std::function<void(int done)> &progress = {});

} // namespace mdp::startup
