#include "mdp/workbench/Contributions.h"

#include <QtTest>

using namespace mdp::workbench;

namespace {
PageContribution page(const QString &id, int order, RolePredicate visibleTo = {})
{
    return {id,
            order,
            QStringLiteral("form"),
            [id] { return id; },
            std::move(visibleTo),
            [](Host &, QWidget *) -> QWidget * { return nullptr; }};
}
} // namespace

// The host builds its navigation from what features register: order, roles and ids decide.
class tst_Contributions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pagesComeInOrderWhateverTheRegistrationOrder()
    {
        Contributions c;
        c.addPage(page(QStringLiteral("c"), 30));
        c.addPage(page(QStringLiteral("a"), 10));
        c.addPage(page(QStringLiteral("b"), 20));
        QStringList ids;
        for (const PageContribution &p : c.pages())
            ids << p.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void pagesForKeepsOnlyWhatTheRolesMaySee()
    {
        Contributions c;
        c.addPage(page(QStringLiteral("everyone"), 10));
        c.addPage(page(QStringLiteral("admins"), 20, [](const QStringList &roles) {
            return roles.contains(QStringLiteral("system-admin"));
        }));
        QCOMPARE(c.pagesFor({QStringLiteral("clinician")}).size(), 1);
        QCOMPARE(c.pagesFor({QStringLiteral("clinician"), QStringLiteral("system-admin")}).size(), 2);
        QVERIFY(c.page(QStringLiteral("admins")));
        QVERIFY(!c.page(QStringLiteral("nobody")));
    }

    void aSecondContributionWithATakenIdIsRefusedAndReported()
    {
        Contributions c;
        c.addPage(page(QStringLiteral("patients"), 10));
        c.addPage(page(QStringLiteral("patients"), 5));
        QCOMPARE(c.pages().size(), 1);
        QCOMPARE(c.pages().constFirst().order, 10);
        QCOMPARE(c.conflicts(), QStringList{QStringLiteral("page:patients")});
    }

    void linkHandlersOfAKindComeByDescendingPriority()
    {
        Contributions c;
        c.addLinkHandler({QStringLiteral("record"), 0, {}});
        c.addLinkHandler({QStringLiteral("patient"), 9, {}});
        c.addLinkHandler({QStringLiteral("record"), 5, {}});
        const QList<LinkHandler> handlers = c.linkHandlers(QStringLiteral("record"));
        QCOMPARE(handlers.size(), 2);
        QCOMPARE(handlers.at(0).priority, 5);
        QCOMPARE(handlers.at(1).priority, 0);
    }

    void actionsAreFilteredByMenuAndRole()
    {
        Contributions c;
        c.addAction({QStringLiteral("one"),
                     ActionContribution::Menu::Tools,
                     10,
                     {},
                     [] { return QString(); },
                     {},
                     {},
                     {}});
        c.addAction({QStringLiteral("admin"),
                     ActionContribution::Menu::Tools,
                     20,
                     {},
                     [] { return QString(); },
                     {},
                     [](const QStringList &roles) { return roles.contains(QStringLiteral("system-admin")); },
                     {}});
        c.addAction({QStringLiteral("help"),
                     ActionContribution::Menu::Help,
                     10,
                     {},
                     [] { return QString(); },
                     {},
                     {},
                     {}});
        QCOMPARE(c.actionsFor({QStringLiteral("clinician")}, ActionContribution::Menu::Tools).size(), 1);
        QCOMPARE(c.actionsFor({QStringLiteral("system-admin")}, ActionContribution::Menu::Tools).size(), 2);
        QCOMPARE(c.actionsFor({}, ActionContribution::Menu::Help).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_Contributions)
#include "tst_Contributions.moc"
