#include "KeysPage.h"

#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/ui/KeyTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <atomic>
#include <climits>
#include <memory>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mdp::crypto::ui {

KeysPage::KeysPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new KeyTableModel(this))
    , m_table(new QTableView(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_rotate(new QPushButton(workbench::Theme::icon(QStringLiteral("rotate")), tr("Rotate…"), this))
    , m_renew(new QPushButton(tr("Renew data key…"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(workbench::makePageHeader(
        tr("Keys"),
        tr("The root key protects one key-encryption key per purpose, which in turn wraps the data keys. Key "
           "material never leaves the key hierarchy; only these facts are shown."),
        this));

    auto *actions = new QHBoxLayout;
    m_rotate->setObjectName(QStringLiteral("rotateButton"));
    m_rotate->setToolTip(tr("Moves the selected purpose to a new key-encryption key version"));
    actions->addWidget(m_rotate);
    m_renew->setObjectName(QStringLiteral("renewButton"));
    m_renew->setToolTip(tr("Re-encrypts what the selected purpose's data key protects under a new key and "
                           "destroys the old one"));
    m_renew->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    actions->addWidget(m_renew);
    actions->addStretch();
    layout->addLayout(actions);
    layout->addWidget(m_message);

    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new workbench::PaddedItemDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);

    layout->addWidget(
        workbench::makeLabel(tr("Rotating re-wraps every data key of the purpose under a new "
                                "key-encryption key and erases the old one; the data itself is not "
                                "re-encrypted. Rotate after staff changes or a suspected exposure. "
                                "Renewing a data key re-encrypts the data itself (the database, the "
                                "attached files or the patients' identity) and destroys the old key, so a "
                                "copy of the keyring taken earlier no longer opens it."),
                             QStringLiteral("muted"), this));

    connect(m_rotate, &QPushButton::clicked, this, &KeysPage::rotate);
    connect(m_renew, &QPushButton::clicked, this, &KeysPage::renew);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysPage::updateButtons);
    refresh();
}

void KeysPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void KeysPage::refresh()
{
    if (m_context.isBusy())
        return;
    auto keys = m_context.workspace().keyList();
    if (!keys) {
        workbench::showMessage(m_message, workbench::Severity::Error,
                               tr("The keys cannot be shown: %1").arg(keys.error().message));
        m_model->setKeys({});
    } else {
        m_model->setKeys(keys.value());
        const QStringList unfinished = m_context.workspace().unfinishedKeyRenewals();
        if (!unfinished.isEmpty()) {
            QStringList names;
            for (const QString &purpose : unfinished)
                names << KeyTableModel::purposeText(purpose);
            workbench::showMessage(
                m_message, workbench::Severity::Warning,
                tr("The renewal of the %1 key has not finished: the old key is kept until every item is "
                   "re-encrypted. Select the key and choose “Renew data key…” to carry on.")
                    .arg(names.join(tr(", "))));
        }
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

QString KeysPage::selectedPurpose() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(KeyTableModel::PurposeRole).toString();
}

void KeysPage::updateButtons()
{
    const QString purpose = selectedPurpose();
    m_rotate->setEnabled(!purpose.isEmpty());
    m_renew->setEnabled(workspace::Workspace::renewableDataKeys().contains(purpose) && !m_context.isBusy());
}

void KeysPage::renew()
{
    const QString purpose = selectedPurpose();
    if (!workspace::Workspace::renewableDataKeys().contains(purpose))
        return;
    const QString name = KeyTableModel::purposeText(purpose);
    QString what;
    if (purpose == crypto::KeyPurpose::database())
        what = tr("Every page of the database is re-encrypted under a new key. Background work (reminders, "
                  "e-mail) pauses meanwhile; a large database takes a minute or more.");
    else if (purpose == crypto::KeyPurpose::vault())
        what =
            tr("Every attached file is re-encrypted under a new key, one at a time. You can stop and carry "
               "on later; the old key is kept until every file is done.");
    else
        what = tr("Every patient's sealed name, contact details and identifiers, and their history, are "
                  "sealed again under a new key in one step.");
    const auto answer = QMessageBox::question(
        this, tr("Renew data key"),
        tr("Renew the data key for “%1”?\n\n%2\n\nThe old key is then destroyed: a copy of the keyring "
           "taken before no longer opens this data. The renewal is recorded in the audit log.")
            .arg(name, what));
    if (answer != QMessageBox::Yes)
        return;

    auto *progress = new QProgressDialog(tr("Renewing the %1 key…").arg(name), tr("Stop"), 0, 0, this);
    progress->setObjectName(QStringLiteral("renewProgress"));
    progress->setWindowTitle(tr("Renew data key"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setCancelButton(purpose == crypto::KeyPurpose::vault() ? new QPushButton(tr("Stop"), progress)
                                                                     : nullptr);
    auto stop = std::make_shared<std::atomic<bool>>(false);
    connect(progress, &QProgressDialog::canceled, this, [stop, progress] {
        stop->store(true);
        progress->setLabelText(tr("Stopping after the current file…"));
    });
    progress->show();
    QPointer<QProgressDialog> dialog = progress;
    workspace::Workspace &ws = m_context.workspace();
    using Outcome = Result<workspace::Workspace::KeyRenewal>;
    const bool started = m_context.run<Outcome>(
        this,
        [&ws, purpose, stop, dialog]() -> Outcome {
            return ws.renewDataKey(purpose, [stop, dialog](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    dialog,
                    [dialog, done, total] {
                        if (!dialog)
                            return;
                        dialog->setMaximum(int(std::min<qint64>(total, INT_MAX)));
                        dialog->setValue(int(std::min<qint64>(done, INT_MAX)));
                    },
                    Qt::QueuedConnection);
                return !stop->load();
            });
        },
        [this, name, dialog](Outcome &outcome) {
            if (dialog)
                dialog->deleteLater();
            refresh();
            if (outcome.ok()) {
                workbench::showMessage(
                    m_message, workbench::Severity::Success,
                    outcome->items > 0 ? tr("The %1 key was renewed (%2 items re-encrypted); %3 destroyed.")
                                             .arg(name)
                                             .arg(outcome->items)
                                             .arg(outcome->destroyed.join(tr(", ")))
                                       : tr("The %1 key was renewed; %2 destroyed.")
                                             .arg(name, outcome->destroyed.join(tr(", "))));
            } else if (outcome.error().code == Error::Code::Cancelled) {
                workbench::showMessage(m_message, workbench::Severity::Warning,
                                       tr("The renewal was stopped: %1").arg(outcome.error().message));
            } else {
                workbench::showMessage(m_message, workbench::Severity::Error,
                                       tr("The key was not renewed: %1").arg(outcome.error().message));
            }
        });
    if (!started) {
        progress->deleteLater();
        workbench::showMessage(m_message, workbench::Severity::Warning,
                               tr("Another task is running; try again when it has finished."));
    }
}

void KeysPage::rotate()
{
    const QString purpose = selectedPurpose();
    if (purpose.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Rotate key"),
        tr("Rotate the key-encryption key for “%1”?\n\nEvery data key of this purpose is re-wrapped under a "
           "new "
           "version and the old version is erased. The action is recorded in the audit log.")
            .arg(KeyTableModel::purposeText(purpose)));
    if (answer != QMessageBox::Yes)
        return;
    // On the workspace's thread: re-wrapping a purpose's data keys takes milliseconds, and the
    // workspace (its database connection, its audit recording) belongs to this thread.
    const Result<void> result = m_context.workspace().rotateKeyEncryptionKey(purpose);
    workbench::showMessage(m_message, result.ok() ? workbench::Severity::Success : workbench::Severity::Error,
                           result.ok()
                               ? tr("The key for “%1” was rotated.").arg(KeyTableModel::purposeText(purpose))
                               : tr("The key was not rotated: %1").arg(result.error().message));
    refresh();
}

} // namespace mdp::crypto::ui
