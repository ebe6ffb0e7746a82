#include "mdp/crypto/ui/KeyTableModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace mdp;
using mdp::crypto::ui::KeyTableModel;

namespace {
crypto::KeyInfo key(crypto::KeyInfo::Kind kind, const QString &name, const QString &purpose, int version,
                    crypto::KeyState state = crypto::KeyState::Active)
{
    crypto::KeyInfo k;
    k.kind = kind;
    k.name = name;
    k.id = QStringLiteral("0123456789abcdef");
    k.purpose = purpose;
    k.version = version;
    k.state = state;
    k.algorithm = QStringLiteral("sm4-gcm");
    k.createdAt = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    return k;
}
} // namespace

class tst_KeyTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistentAndShowsOnlyMetadata()
    {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeys(
            {key(crypto::KeyInfo::Kind::Root, QStringLiteral("root"), {}, 0),
             key(crypto::KeyInfo::Kind::KeyEncryptionKey, QStringLiteral("kek/database/v2"),
                 crypto::KeyPurpose::database(), 2),
             key(crypto::KeyInfo::Kind::DataKey, QStringLiteral("old"), crypto::KeyPurpose::vault(), 1,
                 crypto::KeyState::Destroyed),
             key(crypto::KeyInfo::Kind::DataKey, QStringLiteral("g"), crypto::KeyPurpose::grant(u"G-7"), 1)});
        QCOMPARE(model.rowCount(), 4);
        auto text = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(0, KeyTableModel::KindColumn), QStringLiteral("Root key"));
        QVERIFY(!model.index(0, KeyTableModel::VersionColumn).data().isValid());
        QCOMPARE(text(1, KeyTableModel::PurposeColumn), QStringLiteral("Database"));
        QCOMPARE(text(1, KeyTableModel::VersionColumn), QStringLiteral("2"));
        QCOMPARE(model.index(1, 0).data(KeyTableModel::PurposeRole).toString(), QStringLiteral("database"));
        QCOMPARE(text(2, KeyTableModel::StateColumn), QStringLiteral("Destroyed"));
        QVERIFY(model.index(2, KeyTableModel::StateColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(text(3, KeyTableModel::PurposeColumn), QStringLiteral("Grant G-7"));
        model.setKeys({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_KeyTableModel)
#include "tst_KeyTableModel.moc"
