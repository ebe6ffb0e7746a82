#pragma once

#include "CommandSyntax.h"
#include "ParsedCommand.h"

#include <QList>
#include <QTextStream>

namespace mdp::cli {

// What `mdp deid <verb>` accepts: one CommandSyntax per data type (dicom now; text and pdf join here).
QList<CommandSyntax> deidSyntax();

// `mdp deid <verb> ...` without a workspace: de-identification works on files the user names and
// writes only de-identified output. Exit codes as runCli: 0 every input written, 1 something was
// refused or quarantined (each named on err, the rest written), 2 usage.
int runDeidCommand(const ParsedCommand &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
