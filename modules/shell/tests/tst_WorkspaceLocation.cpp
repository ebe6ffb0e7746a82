#include "mdp/shell/WorkspaceLocation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using mdp::shell::WorkspaceLocation;
using Status = WorkspaceLocation::Status;

class tst_WorkspaceLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyFolderIsUsable()
    {
        QTemporaryDir dir;
        QCOMPARE(WorkspaceLocation::check(dir.path()), Status::Empty);
        QVERIFY(WorkspaceLocation::isUsable(Status::Empty));
    }

    void missingFolderWillBeCreatedEvenSeveralLevelsDeep()
    {
        QTemporaryDir dir;
        QCOMPARE(WorkspaceLocation::check(dir.filePath(QStringLiteral("a/b/c"))), Status::WillBeCreated);
    }

    void nonEmptyFolderThatIsNoWorkspaceIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(WorkspaceLocation::check(dir.path()), Status::NotEmpty);
        QVERIFY(!WorkspaceLocation::isUsable(Status::NotEmpty));
    }

    void hiddenFilesCountAsContent()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral(".hidden")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(WorkspaceLocation::check(dir.path()), Status::NotEmpty);
    }

    void fileAndRelativePathAndEmptyInputAreRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("f")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(WorkspaceLocation::check(file.fileName()), Status::NotAFolder);
        QCOMPARE(WorkspaceLocation::check(QStringLiteral("relative/path")), Status::NotAbsolute);
        QCOMPARE(WorkspaceLocation::check(QStringLiteral("  ")), Status::Missing);
    }

    void everyStatusHasAnExplanation()
    {
        for (Status s : {Status::Empty, Status::WillBeCreated, Status::NotEmpty, Status::ExistingWorkspace,
                         Status::NotAFolder, Status::NotAbsolute, Status::NotWritable, Status::Missing})
            QVERIFY(!WorkspaceLocation::describe(s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceLocation)
#include "tst_WorkspaceLocation.moc"
