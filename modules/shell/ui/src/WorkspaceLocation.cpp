#include "mdp/shell/WorkspaceLocation.h"

#include "mdp/workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>

namespace mdp::shell {

WorkspaceLocation::Status WorkspaceLocation::check(const QString &directory)
{
    const QString trimmed = directory.trimmed();
    if (trimmed.isEmpty())
        return Status::Missing;
    if (QDir::isRelativePath(trimmed))
        return Status::NotAbsolute;
    const QFileInfo info(trimmed);
    if (info.exists()) {
        if (!info.isDir())
            return Status::NotAFolder;
        if (workspace::Workspace::exists(trimmed))
            return Status::ExistingWorkspace;
        if (!QDir(trimmed).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return Status::NotEmpty;
        return info.isWritable() ? Status::Empty : Status::NotWritable;
    }
    // The nearest existing ancestor decides whether the folder can be made.
    QString ancestor = QDir::cleanPath(trimmed);
    while (!QFileInfo::exists(ancestor)) {
        const QString up = QFileInfo(ancestor).path();
        if (up == ancestor)
            break;
        ancestor = up;
    }
    const QFileInfo parentInfo(ancestor);
    if (!parentInfo.isDir())
        return Status::NotAFolder;
    return parentInfo.isWritable() ? Status::WillBeCreated : Status::NotWritable;
}

QString WorkspaceLocation::describe(Status status)
{
    switch (status) {
    case Status::Empty:
        return tr("The folder is empty and will hold the new workspace.");
    case Status::WillBeCreated:
        return tr("The folder does not exist yet and will be created.");
    case Status::NotEmpty:
        return tr("This folder already contains other files. Choose an empty folder so the workspace is "
                  "not mixed with unrelated data.");
    case Status::ExistingWorkspace:
        return tr("This folder already holds an MDP workspace. Choose another folder, or cancel and open "
                  "the existing workspace.");
    case Status::NotAFolder:
        return tr("This path is a file, not a folder.");
    case Status::NotAbsolute:
        return tr("Enter a full path, starting at the root of the file system.");
    case Status::NotWritable:
        return tr("You do not have permission to write to this location.");
    case Status::Missing:
        return tr("Choose where the workspace will be stored.");
    }
    return {};
}

} // namespace mdp::shell
