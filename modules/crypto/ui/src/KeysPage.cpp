#include "KeysPage.h"

#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/ui/KeyTableModel.h"
#include "mdp/workbench/PaddedItemDelegate.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
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
                                "re-encrypted. Rotate after staff changes or a suspected exposure."),
                             QStringLiteral("muted"), this));

    connect(m_rotate, &QPushButton::clicked, this, &KeysPage::rotate);
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
    m_rotate->setEnabled(!selectedPurpose().isEmpty());
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
