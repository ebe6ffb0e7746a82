#pragma once

// Helpers shared by the cross-module suites: a workspace in a temporary folder, file scanning.

#include "mdp/workspace/Workspace.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mdp::testsupport {

inline SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

inline const char *kPassphrase = "correct horse battery staple";

// Every regular file below `root` whose bytes contain `marker` as UTF-8, UTF-16LE or UTF-16BE.
inline QStringList filesContaining(const QString &root, const QString &marker)
{
    const QByteArray utf8 = marker.toUtf8();
    QByteArray le, be;
    for (const QChar c : marker) {
        const char16_t u = c.unicode();
        le.append(char(u & 0xff)).append(char(u >> 8));
        be.append(char(u >> 8)).append(char(u & 0xff));
    }
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(le) || bytes.contains(be))
            hits << path;
    }
    return hits;
}

// Copies every file below `from` into `to` (created), keeping the layout: a copy of a workspace
// folder as someone with file access would take it. False on the first file that fails.
inline bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

// Path -> contents of every file below root (to prove that nothing changed).
inline QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(path, f.readAll());
    }
    return files;
}

} // namespace mdp::testsupport
