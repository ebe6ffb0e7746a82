#include "MyAccessPage.h"

#include "AccessRequestsPanel.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/SiteAccess.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
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
    m_desk = desk;
    // The data delivered under the selected grant (R-5.2k-l), opened in memory while it is in force.
    auto *dataBar = new QHBoxLayout;
    auto *openData = new QPushButton(tr("&Open the data of this grant"), grants);
    openData->setObjectName(QStringLiteral("openGrantDataButton"));
    connect(openData, &QPushButton::clicked, this, &MyAccessPage::openSelectedData);
    connect(m_table, &QTableWidget::itemActivated, this, &MyAccessPage::openSelectedData);
    dataBar->addWidget(openData);
    m_prepare = new QPushButton(tr("&Prepare waiting data (data managers)"), grants);
    m_prepare->setObjectName(QStringLiteral("prepareDataButton"));
    m_prepare->hide(); // offered with a way to prepare (setDeliveries)
    connect(m_prepare, &QPushButton::clicked, this, &MyAccessPage::prepareWaitingData);
    dataBar->addWidget(m_prepare);
    dataBar->addStretch(1);
    grantsLayout->insertLayout(1, dataBar);
    m_data = new QTableWidget(0, 5, grants);
    m_data->setObjectName(QStringLiteral("grantDataTable"));
    m_data->setHorizontalHeaderLabels(
        {tr("Patient (project pseudonym)"), tr("Form"), tr("Formal version"), tr("Field"), tr("Value")});
    m_data->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_data->verticalHeader()->hide();
    m_data->horizontalHeader()->setStretchLastSection(true);
    m_data->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_data->hide();
    grantsLayout->insertWidget(2, m_data, 100);
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
    // The grants' own recipient keys go to the site server as soon as the grants are here, so the
    // providing site can prepare their data without waiting for a first attempt to open it.
    // Once per grant shown here: not a round trip to the server at every look at the page.
    bool unseen = false;
    for (const workspace::Workspace::GrantInForce &g : *grants)
        unseen = unseen || !m_keysNamed.contains(g.id);
    if (unseen && m_deliveries.sync) {
        for (const workspace::Workspace::GrantInForce &g : *grants)
            m_keysNamed.insert(g.id);
        if (auto synced = m_deliveries.sync(); !synced)
            qWarning("mdp: the grants' deliveries could not be checked: %s",
                     qPrintable(synced.error().message));
    }
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

void MyAccessPage::setDeliveries(Deliveries deliveries)
{
    m_deliveries = std::move(deliveries);
    if (m_prepare)
        m_prepare->setVisible(bool(m_deliveries.prepare));
}

bool MyAccessPage::openSelectedData()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_deliveries.open || !m_deliveries.sync) {
        m_error->setText(tr("Choose a grant first."));
        m_error->show();
        return false;
    }
    auto grants = m_source();
    if (!grants || row >= grants->size())
        return false;
    const QString grantId = grants->at(row).id;
    if (auto synced = m_deliveries.sync(); !synced) {
        m_error->setText(
            tr("The delivered data could not be taken from the site server: %1").arg(synced.error().message));
        m_error->show();
    }
    auto package = m_deliveries.open(grantId);
    if (!package) {
        m_error->setText(package.error().code == Error::Code::Unsupported
                             ? tr("The providing site has not prepared this grant's data yet.")
                             : tr("The data could not be opened: %1").arg(package.error().message));
        m_error->show();
        m_data->hide();
        return false;
    }
    m_error->hide();
    m_data->setRowCount(0);
    for (const QJsonValue patient : package->value(u"patients").toArray()) {
        const QJsonObject p = patient.toObject();
        for (const QJsonValue record : p.value(u"records").toArray()) {
            const QJsonObject r = record.toObject();
            const QJsonObject values = r.value(u"values").toObject();
            for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
                const int at = m_data->rowCount();
                m_data->insertRow(at);
                const QString value =
                    it.value().isString()
                        ? it.value().toString()
                        : QString::fromUtf8(
                              QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact))
                              .mid(1)
                              .chopped(1);
                const QStringList cells{p.value(u"pseudonym").toString(), r.value(u"form").toString(),
                                        QString::number(r.value(u"formalVersion").toInt()), it.key(), value};
                for (int c = 0; c < cells.size(); ++c)
                    m_data->setItem(at, c, new QTableWidgetItem(cells.at(c)));
            }
        }
    }
    m_data->show();
    return true;
}

bool MyAccessPage::prepareWaitingData()
{
    if (!m_desk || !m_deliveries.prepare)
        return false;
    auto pending = m_desk->pendingDeliveries();
    if (!pending) {
        m_error->setText(tr("What waits for data could not be read: %1").arg(pending.error().message));
        m_error->show();
        return false;
    }
    if (pending->isEmpty()) {
        m_error->setText(tr("No grant waits for its data."));
        m_error->show();
        return true;
    }
    QStringList done;
    for (const workspace::AccessDesk::PendingDelivery &p : std::as_const(*pending)) {
        auto prepared = m_deliveries.prepare(p.grantId);
        if (!prepared) {
            m_error->setText(tr("The data of %1 was not sent: %2").arg(p.grantId, prepared.error().message));
            m_error->show();
            return false;
        }
        done << tr("%1 (%n patient(s))", nullptr, *prepared).arg(p.grantId);
    }
    m_error->setText(tr("Sealed and sent: %1").arg(done.join(QStringLiteral(", "))));
    m_error->show();
    return true;
}

} // namespace mdp::access::ui
