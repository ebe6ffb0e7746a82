#include "ClassificationPage.h"

#include "ClassificationDialog.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::policy::ui {

namespace {

constexpr int KeyRole = Qt::UserRole + 1;
constexpr int RequestRole = Qt::UserRole + 2;
constexpr qint64 kMaxPolicyFile = 4 * 1024 * 1024;

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setItemDelegate(new workbench::PaddedItemDelegate(view));
    view->setShowGrid(false);
    view->setSortingEnabled(true);
    // Unsorted until someone clicks a header: forms in their order, then the other subjects.
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(32);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

QString classificationText(const Classification &c)
{
    QString text = categoryDisplayName(c.category);
    if (!c.subKind.isEmpty())
        text += QStringLiteral(" · ") + subKindDisplayName(c.subKind);
    return text;
}

} // namespace

ClassificationPage::ClassificationPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_policy(workbench::makeLabel(QString(), QStringLiteral("policyLabel"), this))
    , m_message(workbench::makeMessageLabel(this))
    , m_filter(new QLineEdit(this))
    , m_items(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_requests(new QStandardItemModel(this))
    , m_request(new QPushButton(workbench::Theme::icon(QStringLiteral("plus")), tr("Request a level…"), this))
    , m_accept(new QPushButton(workbench::Theme::icon(QStringLiteral("check")), tr("Accept…"), this))
    , m_reject(new QPushButton(workbench::Theme::icon(QStringLiteral("x-circle")), tr("Reject…"), this))
    , m_putInForce(
          new QPushButton(workbench::Theme::icon(QStringLiteral("shield-check")), tr("Put in force…"), this))
    , m_install(
          new QPushButton(workbench::Theme::icon(QStringLiteral("folder")), tr("Install policy file…"), this))
{
    m_manages = workspace::rolesAllow(m_context.session().roles, workspace::Permission::ManagePolicy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("Data classification"),
        tr("Every field, identifier, document and image series carries a category and a security level "
           "(1 public to 5 most restricted); the level decides who reads it, masked or not. A change is "
           "requested, reviewed by a data manager and put in force as a new signed policy version."),
        this));

    auto *policyRow = new QHBoxLayout;
    m_policy->setWordWrap(true);
    policyRow->addWidget(m_policy, 1);
    m_install->setObjectName(QStringLiteral("installButton"));
    m_install->setToolTip(tr("Puts a policy document, or one signed with this workspace's key, in force"));
    policyRow->addWidget(m_install);
    layout->addLayout(policyRow);
    layout->addWidget(m_message);

    auto *filterRow = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by field, form or category (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(Qt::ShortcutFocusReason); });
    addAction(find);
    filterRow->addWidget(m_filter, 1);
    m_request->setObjectName(QStringLiteral("requestButton"));
    m_request->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_request->setToolTip(tr("Asks for another category or level for the selected subject (Ctrl+L)"));
    filterRow->addWidget(m_request);
    layout->addLayout(filterRow);

    m_items->setHorizontalHeaderLabels(
        {tr("Subject"), tr("Level in force"), tr("Category"), tr("Where"), tr("Rules give"), tr("Status")});
    m_proxy->setSourceModel(m_items);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_itemsView = makeTable(m_proxy, QStringLiteral("itemsTable"), this);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *requestsBox = new QWidget(this);
    auto *requestsLayout = new QVBoxLayout(requestsBox);
    requestsLayout->setContentsMargins(0, 8, 0, 0);
    auto *requestsHeader = new QHBoxLayout;
    requestsHeader->addWidget(
        workbench::makeLabel(m_manages ? tr("Requests waiting for review or to be put in force")
                                       : tr("Your requests"),
                             QStringLiteral("sectionTitle"), requestsBox),
        1);
    m_accept->setObjectName(QStringLiteral("acceptButton"));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_putInForce->setObjectName(QStringLiteral("putInForceButton"));
    m_putInForce->setToolTip(tr("Matches every accepted request against the rules, decides its level and "
                                "issues the next signed policy version"));
    requestsHeader->addWidget(m_accept);
    requestsHeader->addWidget(m_reject);
    requestsHeader->addWidget(m_putInForce);
    requestsLayout->addLayout(requestsHeader);
    m_requests->setHorizontalHeaderLabels({tr("No."), tr("Subject"), tr("Asked for"), tr("Reason"),
                                           tr("Requested by"), tr("State"), tr("Review")});
    m_requestsView = makeTable(m_requests, QStringLiteral("requestsTable"), requestsBox);
    requestsLayout->addWidget(m_requestsView);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_itemsView);
    split->addWidget(requestsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_accept->setVisible(m_manages);
    m_reject->setVisible(m_manages);
    m_putInForce->setVisible(m_manages);
    m_install->setVisible(m_manages);

    connect(m_request, &QPushButton::clicked, this, &ClassificationPage::requestChange);
    connect(m_accept, &QPushButton::clicked, this, [this] { review(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { review(false); });
    connect(m_putInForce, &QPushButton::clicked, this, &ClassificationPage::putInForce);
    connect(m_install, &QPushButton::clicked, this, &ClassificationPage::installFile);
    connect(m_itemsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClassificationPage::updateButtons);
    connect(m_requestsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClassificationPage::updateButtons);
    connect(m_itemsView, &QTableView::doubleClicked, this, &ClassificationPage::requestChange);
    refresh();
}

void ClassificationPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void ClassificationPage::showPolicy(const QHash<QString, QString> &names)
{
    const workspace::PolicyRecord p = m_context.workspace().policies().inForce();
    // A version put in force here names its issuer by account id: shown by name.
    QString issuer = p.issuer;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        issuer.replace(it.key(), it.value());
    QString text = p.builtIn
                       ? tr("Policy in force: version %1, the built-in default.").arg(p.version)
                       : tr("Policy in force: version %1, issued %2 by %3, signed with workspace key %4.")
                             .arg(p.version)
                             .arg(QLocale().toString(p.issued.toLocalTime(), QLocale::ShortFormat), issuer,
                                  p.keyId.left(16));
    if (auto parsed = PolicySet::parse(p.document))
        text += QLatin1Char(' ') + tr("%n decided classification(s); counts under %1 are not shown.", nullptr,
                                      int(parsed->fieldClassifications().size()))
                                       .arg(parsed->minCellSize());
    m_policy->setText(text);
}

void ClassificationPage::refresh()
{
    if (m_context.isBusy())
        return;
    QHash<QString, QString> names;
    if (auto accounts = m_context.workspace().accounts().list())
        for (const auto &a : accounts.value())
            names.insert(a.idString(), a.displayName.isEmpty() ? a.userName : a.displayName);
    showPolicy(names);
    const QString keepKey = selectedKey();
    auto items = m_context.workspace().policies().items();
    m_items->removeRows(0, m_items->rowCount());
    m_all.clear();
    if (!items) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The classification cannot be shown: %1").arg(items.error().message));
    } else {
        m_all = items.value();
        for (const workspace::ClassifiedItem &item : std::as_const(m_all)) {
            QString group = item.group;
            if (group == u"identifiers")
                group = tr("Patient identifiers");
            else if (group == u"documents")
                group = tr("Documents");
            else if (group == u"images")
                group = tr("Images");
            else if (group == u"derived")
                group = tr("Derived values");
            auto *subject = new QStandardItem(item.subject.label.trimmed());
            subject->setData(item.key, KeyRole);
            subject->setToolTip(item.key);
            auto *level = new QStandardItem(levelDisplayName(item.inForce.level));
            level->setData(item.inForce.level, Qt::UserRole);
            QString status = item.decided ? tr("Decided by a data manager") : tr("Default rule");
            if (item.openRequest)
                status += QStringLiteral(" · ") + tr("request no. %1 open").arg(item.openRequest);
            m_items->appendRow(
                {subject, level, new QStandardItem(classificationText(item.inForce)),
                 new QStandardItem(group),
                 new QStandardItem(tr("level %1 (%2)").arg(item.byRule.level).arg(item.byRule.ruleId)),
                 new QStandardItem(status)});
        }
    }
    m_requests->removeRows(0, m_requests->rowCount());
    if (auto requests = m_context.workspace().policies().requests(true)) {
        for (const workspace::ClassificationRequest &r : requests.value()) {
            auto *number = new QStandardItem(QString::number(r.id));
            number->setData(r.id, RequestRole);
            number->setData(r.id, Qt::UserRole);
            const QString state = r.state == workspace::ClassificationRequest::State::Requested
                                      ? tr("Waiting for review")
                                      : tr("Accepted: put in force with the next version");
            QString reviewText;
            if (r.reviewed)
                reviewText = tr("%1, %2 (%3): %4")
                                 .arg(classificationText(*r.reviewed), levelDisplayName(r.reviewed->level),
                                      names.value(r.reviewedBy, r.reviewedBy.left(8)), r.reviewNote);
            m_requests->appendRow({number, new QStandardItem(r.label.trimmed()),
                                   new QStandardItem(classificationText(r.proposed) + QStringLiteral(", ") +
                                                     levelDisplayName(r.proposed.level)),
                                   new QStandardItem(r.reason),
                                   new QStandardItem(names.value(r.requestedBy, r.requestedBy.left(8))),
                                   new QStandardItem(state), new QStandardItem(reviewText)});
        }
    }
    // Long labels and reasons are cut at a readable width (the tooltip and the dialog show them whole).
    for (QTableView *view : {m_itemsView, m_requestsView}) {
        view->resizeColumnsToContents();
        for (int c = 0; c < view->model()->columnCount() - 1; ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c), 260));
    }
    if (!keepKey.isEmpty()) {
        const int row = rowOf(keepKey);
        if (row >= 0)
            m_itemsView->selectRow(row);
    }
    updateButtons();
}

int ClassificationPage::rowOf(const QString &key) const
{
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        if (m_proxy->index(row, 0).data(KeyRole).toString() == key)
            return row;
    return -1;
}

QString ClassificationPage::selectedKey() const
{
    const QModelIndexList rows = m_itemsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(KeyRole).toString();
}

qint64 ClassificationPage::selectedRequest() const
{
    const QModelIndexList rows = m_requestsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(RequestRole).toLongLong();
}

void ClassificationPage::updateButtons()
{
    const bool busy = m_context.isBusy();
    m_request->setEnabled(!busy && !selectedKey().isEmpty());
    const qint64 request = selectedRequest();
    bool waiting = false;
    for (int row = 0; row < m_requests->rowCount(); ++row)
        if (m_requests->item(row, 0)->data(RequestRole).toLongLong() == request)
            waiting = m_requests->item(row, 6)->text().isEmpty();
    m_accept->setEnabled(!busy && request > 0 && waiting);
    m_reject->setEnabled(!busy && request > 0 && waiting);
}

void ClassificationPage::requestChange()
{
    const QString key = selectedKey();
    const auto it = std::find_if(m_all.cbegin(), m_all.cend(),
                                 [&](const workspace::ClassifiedItem &i) { return i.key == key; });
    if (it == m_all.cend())
        return;
    ClassificationDialog dialog(ClassificationDialog::Purpose::Request,
                                tr("%1 (%2) is now %3, %4.")
                                    .arg(it->subject.label.trimmed(), it->group,
                                         classificationText(it->inForce),
                                         levelDisplayName(it->inForce.level)),
                                it->inForce, it->floor, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto requested = m_context.workspace().policies().request(key, dialog.classification(), dialog.text());
    if (requested)
        workbench::showMessage(
            m_message, workbench::Severity::Success,
            m_manages ? tr("Request no. %1 was recorded; review it below.").arg(requested.value())
                      : tr("Request no. %1 was recorded; a data manager reviews it.").arg(requested.value()));
    else
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The request was not recorded: %1").arg(requested.error().message));
    refresh();
}

void ClassificationPage::review(bool accept)
{
    const qint64 id = selectedRequest();
    if (id <= 0)
        return;
    auto requests = m_context.workspace().policies().requests(true);
    if (!requests)
        return;
    const auto r = std::find_if(requests->cbegin(), requests->cend(),
                                [&](const workspace::ClassificationRequest &q) { return q.id == id; });
    if (r == requests->cend())
        return;
    const auto item = std::find_if(m_all.cbegin(), m_all.cend(),
                                   [&](const workspace::ClassifiedItem &i) { return i.key == r->key; });
    Result<void> done;
    if (accept) {
        ClassificationDialog dialog(ClassificationDialog::Purpose::Review,
                                    tr("Request no. %1 for %2: %3, %4.\nReason: %5")
                                        .arg(QString::number(id), r->label.trimmed(),
                                             classificationText(r->proposed),
                                             levelDisplayName(r->proposed.level), r->reason),
                                    r->proposed, item == m_all.cend() ? kMinLevel : item->floor, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        done = m_context.workspace().policies().review(id, true, dialog.classification(), dialog.text());
    } else {
        bool ok = false;
        const QString note =
            QInputDialog::getText(this, tr("Reject request"), tr("Why is request no. %1 rejected?").arg(id),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
        done = m_context.workspace().policies().review(id, false, {}, note);
    }
    if (done)
        workbench::showMessage(m_message, workbench::Severity::Success,
                               accept
                                   ? tr("Request no. %1 was accepted; put it in force to apply it.").arg(id)
                                   : tr("Request no. %1 was rejected.").arg(id));
    else
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The review was not recorded: %1").arg(done.error().message));
    refresh();
}

void ClassificationPage::putInForce()
{
    bool ok = false;
    const QString note = QInputDialog::getText(
        this, tr("Put in force"),
        tr("Every accepted request is matched against the rules, decided (never below its floor) and put in "
           "force as the next signed policy version. Note for the record:"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    auto installed = m_context.workspace().policies().putInForce(note);
    if (installed)
        workbench::showMessage(m_message, workbench::Severity::Success,
                               tr("Policy version %1 is in force.").arg(installed->version));
    else
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("Nothing was put in force: %1").arg(installed.error().message));
    refresh();
}

void ClassificationPage::installFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Install policy file"), QString(),
                                                      tr("Policy (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxPolicyFile) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("%1 cannot be read as a policy (at most 4 MiB).").arg(file));
        return;
    }
    const int before = m_context.workspace().policies().inForce().version;
    auto installed = m_context.workspace().policies().install(f.readAll(), QString());
    if (installed)
        workbench::showMessage(
            m_message, workbench::Severity::Success,
            tr("Policy version %1 is in force (was %2).").arg(installed->version).arg(before));
    else
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The policy was refused and version %1 stays in force: %2")
                                   .arg(before)
                                   .arg(installed.error().message));
    refresh();
}

} // namespace mdp::policy::ui
