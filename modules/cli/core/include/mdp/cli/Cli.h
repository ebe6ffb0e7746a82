#pragma once

#include "mdp/foundation/BenchLine.h"
#include "mdp/foundation/Clock.h"

#include <QList>
#include <QStringList>

#include <QTextStream>
#include <functional>
#include <memory>

namespace mdp::cli {

// Runs one `mdp` command line (arguments without the program name) and returns the exit code:
// 0 success, 1 the operation failed (message on err), 2 usage error, 3 integrity failure.
// Secrets come from the environment (MDP_PASSPHRASE, MDP_USER_PASSWORD) or a no-echo prompt.
// `clock` is the workspace's time source (tests move it to reach lock-out ends and TOTP steps).
int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err,
           const Clock &clock = SystemClock::instance());

// Benchmarks that need more than this layer may link (the timeline's painting needs QtGui): the
// program registers them and `mdp bench <area>` appends their lines. `size` is --size (0 if absent).
using BenchProvider = std::function<QList<BenchLine>(const QString &scratchDir, int size)>;
void registerBenchProvider(const QString &area, BenchProvider provider);

// `mdp deid pdf IN OUT` renders pages, which needs QtGui and QtPdf (layer ui): the program registers
// the redactor. It returns the exit code (0 every page redacted, 1 refused or pages withheld).
using PdfRedactor =
    std::function<int(const QString &input, const QString &output, QTextStream &out, QTextStream &err)>;
void registerPdfRedactor(PdfRedactor redactor);

} // namespace mdp::cli
