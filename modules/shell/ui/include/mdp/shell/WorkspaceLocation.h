#pragma once

#include <QCoreApplication>
#include <QString>

namespace mdp::shell {

// Whether a folder may receive a new workspace: it must be absolute and either missing, empty or
// creatable; a folder holding other files or an existing workspace is refused so nothing is mixed
// with or overwritten.
class WorkspaceLocation
{
    Q_DECLARE_TR_FUNCTIONS(mdp::shell::WorkspaceLocation)
public:
    enum class Status
    {
        Empty,
        WillBeCreated,
        NotEmpty,
        ExistingWorkspace,
        NotAFolder,
        NotAbsolute,
        NotWritable,
        Missing
    };

    static Status check(const QString &directory);
    static bool isUsable(Status status) { return status == Status::Empty || status == Status::WillBeCreated; }
    static QString describe(Status status);
};

} // namespace mdp::shell
