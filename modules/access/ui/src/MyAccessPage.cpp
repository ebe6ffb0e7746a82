#include "MyAccessPage.h"

#include "AccessRequestsPanel.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/SiteAccess.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mdp::access::ui {

MyAccessPage::MyAccessPage(Source source, const Clock &clock, workspace::AccessDesk *desk, QWidget *parent)
    : QWidget(parent)
    , m_source(std::move(source))
    , m_clock(clock)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("My access"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    auto *intro = new QLabel(tr("The grants the site issued to you after ethics review and approval. This "
                                "workstation checked each one (the site's signature, your account, this "
                                "workstation's certificate) and enforces it until it ends, offline too. Data "
                                "reaches you de-identified and within the approved scope only."),
                             this);
    intro->setWordWrap(true);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("grantsTable"));
    m_table->setHorizontalHeaderLabels({tr("Request"), tr("Project"), tr("Up to level"), tr("Approved by"),
                                        tr("Valid until"), tr("Days left")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_empty = new QLabel(tr("You hold no grant on this workstation. Where access is refused, the page offers "
                            "a request; once the site approves it, the grant arrives here at your next "
                            "sign-in through the server."),
                         this);
    m_empty->setObjectName(QStringLiteral("noGrants"));
    m_empty->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("grantsError"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(title);
    layout->addWidget(intro);
    auto *grants = new QWidget(this);
    auto *grantsLayout = new QVBoxLayout(grants);
    grantsLayout->setContentsMargins(0, 0, 0, 0);
    grantsLayout->addWidget(m_table, 100);
    grantsLayout->addWidget(m_empty);
    grantsLayout->addWidget(m_error);
    grantsLayout->addStretch(1); // takes the room when there is no table to show
    if (!desk) {
        layout->addWidget(grants, 1);
        return;
    }
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("accessTabs"));
    m_tabs->addTab(grants, tr("&Grants"));
    m_mine = new AccessRequestsPanel(*desk, AccessRequestsPanel::Mode::Mine, m_tabs);
    m_tabs->addTab(m_mine, tr("My &requests"));
    m_inbox = new AccessRequestsPanel(*desk, AccessRequestsPanel::Mode::Inbox, m_tabs);
    m_tabs->addTab(m_inbox, tr("To &decide"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            m_mine->refresh();
        else if (index == 2)
            m_inbox->refresh();
        else
            refresh();
    });
    layout->addWidget(m_tabs, 1);
}

void MyAccessPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void MyAccessPage::refresh()
{
    auto grants = m_source();
    m_table->setRowCount(0);
    if (!grants) {
        m_error->setText(tr("Your grants could not be read: %1").arg(grants.error().message));
        m_error->show();
        m_empty->hide();
        return;
    }
    m_error->hide();
    const QDateTime now = m_clock.now();
    const QLocale locale;
    for (const workspace::Workspace::GrantInForce &g : *grants) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const qint64 seconds = now.secsTo(g.notAfter);
        const int days = int(std::max<qint64>(0, (seconds + 86399) / 86400));
        const QStringList cells{g.request,
                                g.project,
                                locale.toString(g.maxLevel),
                                g.approvers.join(QStringLiteral(", ")),
                                workbench::formatDateTime(g.notAfter),
                                tr("%n day(s)", nullptr, days)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (days <= 7) {
            // Ends within a week: said plainly (the reminders of R-6.3.4b).
            QFont bold = m_table->item(row, 5)->font();
            bold.setBold(true);
            m_table->item(row, 5)->setFont(bold);
        }
    }
    m_empty->setVisible(grants->isEmpty());
    m_table->setVisible(!grants->isEmpty());
}

} // namespace mdp::access::ui
