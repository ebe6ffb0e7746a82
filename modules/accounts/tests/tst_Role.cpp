#include "mdp/accounts/Role.h"

#include <QtTest>

using namespace mdp::accounts;

class tst_Role : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsAreStableAndRoundTrip()
    {
        const QStringList expected = {QStringLiteral("clinician"),    QStringLiteral("reviewer"),
                                      QStringLiteral("researcher"),   QStringLiteral("ethics-reviewer"),
                                      QStringLiteral("data-manager"), QStringLiteral("auditor"),
                                      QStringLiteral("system-admin")};
        QStringList ids;
        for (Role role : allRoles()) {
            ids.append(roleId(role));
            QCOMPARE(roleFromId(roleId(role)), role);
        }
        QCOMPARE(ids, expected);
        QCOMPARE(roleFromId(u"System-Admin"), std::nullopt);
        QCOMPARE(roleFromId(u""), std::nullopt);
    }

    // every role reaching level-4 (identified) data needs multi-factor authentication.
    void onlyDeidentifiedRolesGoWithoutSecondFactor()
    {
        QVERIFY(requiresSecondFactor(Role::Clinician));
        QVERIFY(requiresSecondFactor(Role::Reviewer));
        QVERIFY(requiresSecondFactor(Role::DataManager));
        QVERIFY(requiresSecondFactor(Role::Auditor));
        QVERIFY(requiresSecondFactor(Role::SystemAdmin));
        QVERIFY(!requiresSecondFactor(Role::Researcher));
        QVERIFY(!requiresSecondFactor(Role::EthicsReviewer));
        QVERIFY(!requiresSecondFactor(QList<Role>{Role::Researcher, Role::EthicsReviewer}));
        QVERIFY(requiresSecondFactor(QList<Role>{Role::Researcher, Role::Clinician}));
    }

    void displayNamesAreEnglishSourceTexts()
    {
        QCOMPARE(roleDisplayName(Role::SystemAdmin), QStringLiteral("System administrator"));
        QCOMPARE(roleDisplayName(Role::EthicsReviewer), QStringLiteral("Ethics reviewer"));
        QSet<QString> names;
        for (Role role : allRoles())
            names.insert(roleDisplayName(role));
        QCOMPARE(names.size(), allRoles().size());
    }

    void idListJoinsInOrder()
    {
        QCOMPARE(roleIdList({Role::Clinician, Role::Reviewer}), QStringLiteral("clinician,reviewer"));
    }
};

QTEST_GUILESS_MAIN(tst_Role)
#include "tst_Role.moc"
