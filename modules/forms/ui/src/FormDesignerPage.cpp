#include "FormDesignerPage.h"

#include "mdp/forms/FormStore.h"
#include "mdp/forms/ui/FormDesigner.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workbench/Widgets.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace mdp::forms::ui {

namespace {
constexpr qint64 MaxDefinitionBytes = 4 * 1024 * 1024;
}

FormDesignerPage::FormDesignerPage(workbench::SessionContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_list(new QListWidget(this))
    , m_designer(new forms::ui::FormDesigner(this))
    , m_message(workbench::makeMessageLabel(this))
    , m_save(workbench::makeAccentButton(tr("Save as new version"), this))
{
    setObjectName(QStringLiteral("formDesignerPage"));
    m_list->setObjectName(QStringLiteral("definitionList"));
    m_message->setObjectName(QStringLiteral("designerMessage"));
    m_save->setObjectName(QStringLiteral("saveDefinitionButton"));
    m_save->setToolTip(tr("Store the definition; a changed form becomes its next version (Ctrl+S)"));
    m_save->setShortcut(QKeySequence::Save);
    m_designer->setPreviewLanguage(workbench::Language::current());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    auto *top = new QHBoxLayout;
    top->addWidget(
        workbench::makePageHeader(tr("Entry forms"),
                                  tr("Design the structured forms clinicians fill in. Saving a changed "
                                     "form makes its next version; records keep the version they were "
                                     "entered with."),
                                  this),
        1);
    auto *newButton = new QPushButton(tr("New form"), this);
    newButton->setObjectName(QStringLiteral("newDefinitionButton"));
    auto *importButton = new QPushButton(tr("Import JSON file…"), this);
    importButton->setObjectName(QStringLiteral("importDefinitionButton"));
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportDefinitionButton"));
    top->addWidget(newButton, 0, Qt::AlignBottom);
    top->addWidget(importButton, 0, Qt::AlignBottom);
    top->addWidget(exportButton, 0, Qt::AlignBottom);
    top->addWidget(m_save, 0, Qt::AlignBottom);
    layout->addLayout(top);
    layout->addWidget(m_message);

    auto *body = new QHBoxLayout;
    body->setSpacing(12);
    auto *listCard = workbench::makeCard(this);
    auto *listLayout = workbench::cardLayout(listCard, tr("Forms in use"));
    listLayout->setContentsMargins(12, 12, 12, 12);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setStyleSheet(
        QStringLiteral("QListWidget#definitionList { background: transparent; outline: 0; }"
                       "QListWidget#definitionList::item { padding: 6px 4px; border-radius: 5px; }"
                       "QListWidget#definitionList::item:selected { background: #eaf3fb; "
                       "color: #10263b; }"));
    listLayout->addWidget(m_list, 1);
    listCard->setFixedWidth(200);
    body->addWidget(listCard);
    body->addWidget(m_designer, 1);
    layout->addLayout(body, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_definitions.size())
            return;
        if (m_designer->isModified() && m_designer->definition().id != m_definitions.at(row).id) {
            const auto answer = QMessageBox::question(
                this, tr("Unsaved changes"), tr("Discard the changes to the form being edited?"),
                QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Discard)
                return;
        }
        m_designer->setDefinition(m_definitions.at(row));
        showMessage(int(workbench::Severity::None), {});
    });
    connect(newButton, &QPushButton::clicked, this, &FormDesignerPage::newDefinition);
    connect(importButton, &QPushButton::clicked, this, &FormDesignerPage::importFromDialog);
    connect(exportButton, &QPushButton::clicked, this, &FormDesignerPage::exportFromDialog);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_designer, &forms::ui::FormDesigner::saveRequested, this, [this] { save(); });
    refresh();
}

void FormDesignerPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_definitions.isEmpty())
        refresh();
}

void FormDesignerPage::showMessage(int severity, const QString &text)
{
    workbench::showMessage(m_message, workbench::Severity(severity), text);
}

void FormDesignerPage::refresh()
{
    auto definitions = m_context.workspace().forms().definitions();
    if (!definitions) {
        showMessage(int(workbench::Severity::Error), definitions.error().message);
        return;
    }
    m_definitions = definitions.value();
    const QString language = workbench::Language::current();
    const QString current = m_designer->definition().id;
    m_list->blockSignals(true);
    m_list->clear();
    int select = -1;
    for (int i = 0; i < m_definitions.size(); ++i) {
        const forms::FormDefinition &d = m_definitions.at(i);
        auto *item = new QListWidgetItem(
            tr("%1\n%2 · version %3").arg(d.title.text(language), d.id).arg(d.version), m_list);
        item->setData(Qt::UserRole, d.id);
        item->setToolTip(d.description.text(language));
        if (d.id == current)
            select = i;
    }
    // A data manager opening the page sees the first form in use rather than an empty new one.
    const bool untouched = current.isEmpty() && !m_designer->isModified();
    if (select < 0 && untouched && !m_definitions.isEmpty()) {
        select = 0;
        m_designer->setDefinition(m_definitions.constFirst());
    }
    m_list->setCurrentRow(select);
    m_list->blockSignals(false);
}

bool FormDesignerPage::openDefinition(const QString &formId)
{
    for (int i = 0; i < m_definitions.size(); ++i) {
        if (m_definitions.at(i).id == formId) {
            m_list->blockSignals(true);
            m_list->setCurrentRow(i);
            m_list->blockSignals(false);
            m_designer->setDefinition(m_definitions.at(i));
            return true;
        }
    }
    return false;
}

void FormDesignerPage::newDefinition()
{
    m_list->blockSignals(true);
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_list->blockSignals(false);
    m_designer->newDefinition();
    showMessage(int(workbench::Severity::Info),
                tr("Give the form an id and a title, then add its sections and fields."));
}

bool FormDesignerPage::importFile(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).size() > MaxDefinitionBytes) {
        showMessage(int(workbench::Severity::Error), tr("The file is too large for a form definition."));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(int(workbench::Severity::Error),
                    tr("The file could not be opened: %1").arg(file.errorString()));
        return false;
    }
    const bool ok = m_designer->setJson(file.readAll());
    showMessage(ok ? int(workbench::Severity::Info) : int(workbench::Severity::Warning),
                ok ? tr("\"%1\" is loaded into the designer. Save stores it.").arg(QFileInfo(path).fileName())
                   : tr("\"%1\" does not pass the check yet; fix what the designer points at, then save.")
                         .arg(QFileInfo(path).fileName()));
    return ok;
}

bool FormDesignerPage::exportFile(const QString &path)
{
    // Definitions hold no patient data; writing them out is what export is for.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_designer->json()) < 0 || !file.commit()) {
        showMessage(int(workbench::Severity::Error),
                    tr("The file could not be written: %1").arg(file.errorString()));
        return false;
    }
    showMessage(int(workbench::Severity::Success), tr("Exported to \"%1\".").arg(QFileInfo(path).fileName()));
    return true;
}

int FormDesignerPage::save()
{
    auto checked = m_designer->check();
    if (!checked) {
        showMessage(int(workbench::Severity::Error), tr("Not saved: %1").arg(checked.error().message));
        return 0;
    }
    const int before = [&] {
        for (const forms::FormDefinition &d : std::as_const(m_definitions)) {
            if (d.id == checked->id)
                return d.version;
        }
        return 0;
    }();
    auto stored =
        m_context.workspace().forms().importDefinition(m_context.session().accountId, m_designer->json());
    if (!stored) {
        showMessage(int(workbench::Severity::Error), tr("Not saved: %1").arg(stored.error().message));
        return 0;
    }
    const forms::FormDefinition definition = stored.value();
    m_designer->setDefinition(definition);
    refresh();
    m_context.notifyChanged();
    const QString title = definition.title.text(workbench::Language::current());
    if (definition.version == before)
        showMessage(int(workbench::Severity::Info),
                    tr("\"%1\" is unchanged; version %2 stays current.").arg(title).arg(definition.version));
    else
        showMessage(
            int(workbench::Severity::Success),
            tr("\"%1\" was saved as version %2. New records use it; existing records keep their version.")
                .arg(title)
                .arg(definition.version));
    return definition.version;
}

void FormDesignerPage::importFromDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a form definition"), QString(),
                                                      tr("Form definitions (*.json)"), nullptr,
                                                      QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        importFile(path);
}

void FormDesignerPage::exportFromDialog()
{
    const QString id =
        m_designer->definition().id.isEmpty() ? QStringLiteral("form") : m_designer->definition().id;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the form definition"), id + QStringLiteral(".json"), tr("Form definitions (*.json)"),
        nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        exportFile(path);
}

} // namespace mdp::forms::ui
