#include "PatientFormsPanel.h"

#include "FormRecordDialog.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/EventType.h"
#include "mdp/viewer/MediaTypeSniffer.h"
#include "mdp/workbench/Language.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/Workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QToolButton>

namespace mdp::forms::ui {

namespace {

struct Palette
{
    QColor background;
    QColor border;
    QColor text;
};

Palette paletteFor(forms::RecordStatus status)
{
    switch (status) {
    case forms::RecordStatus::Draft:
        return {QColor(0xee, 0xf1, 0xf4), QColor(0xd5, 0xdc, 0xe3), QColor(0x3e, 0x4c, 0x59)};
    case forms::RecordStatus::Pending:
        return {QColor(0xff, 0xf6, 0xe5), QColor(0xf1, 0xd4, 0x9a), QColor(0x7a, 0x4b, 0x00)};
    case forms::RecordStatus::Rejected:
        return {QColor(0xfd, 0xec, 0xec), QColor(0xf3, 0xc1, 0xc1), QColor(0x9b, 0x1c, 0x1c)};
    case forms::RecordStatus::Approved:
        return {QColor(0xe9, 0xf6, 0xec), QColor(0xb9, 0xdf, 0xc2), QColor(0x1d, 0x5e, 0x2c)};
    }
    return {};
}

// Draws each record as a rounded chip in its status colours (the list's style sheet cannot vary
// per item).
class ChipDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto status = forms::recordStatusFromId(index.data(Qt::UserRole + 1).toString());
        const Palette p = paletteFor(status.value_or(forms::RecordStatus::Draft));
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF chip = QRectF(option.rect).adjusted(1.5, 2.5, -1.5, -2.5);
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        painter->setPen(QPen(selected ? QColor(0x1d, 0x6f, 0xb8) : p.border, selected ? 1.6 : 1.0));
        painter->setBrush(p.background);
        painter->drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        painter->setPen(p.text);
        painter->drawText(chip.adjusted(12, 0, -12, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.data(Qt::DisplayRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = option.fontMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString());
        return {width + 28, 30};
    }
};

} // namespace

PatientFormsPanel::PatientFormsPanel(workbench::SessionContext &context, bool identityVisible,
                                     QWidget *parent)
    : workbench::EventPanel(parent)
    , m_context(context)
    , m_identityVisible(identityVisible)
    , m_empty(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_new(new QToolButton(this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("patientFormsPanel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    auto *title = new QLabel(tr("Forms"), this);
    title->setObjectName(QStringLiteral("formsTitle"));
    title->setStyleSheet(QStringLiteral("font-weight: 600; color: #10263b;"));
    layout->addWidget(title);

    m_empty->setObjectName(QStringLiteral("formsEmpty"));
    m_empty->setStyleSheet(QStringLiteral("color: #8a96a3;"));
    layout->addWidget(m_empty);

    m_list->setObjectName(QStringLiteral("formRecordList"));
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(false);
    m_list->setFixedHeight(34);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSpacing(3);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setStyleSheet(
        QStringLiteral("QListWidget#formRecordList { background: transparent; outline: 0; }"
                       "QListWidget#formRecordList::item { border-radius: 12px; padding: 2px 10px; "
                       "border: 1px solid #d5dce3; }"
                       "QListWidget#formRecordList::item:selected { border: 1px solid #1d6fb8; }"));
    layout->addWidget(m_list, 1);

    m_new->setObjectName(QStringLiteral("newFormRecordButton"));
    m_new->setText(tr("New record"));
    m_new->setToolTip(tr("Fill in a form for this event"));
    m_new->setPopupMode(QToolButton::InstantPopup);
    m_new->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_new->setMenu(m_menu);
    m_new->setCursor(Qt::PointingHandCursor);
    m_new->setStyleSheet(
        QStringLiteral("QToolButton#newFormRecordButton { border: 1px solid #c5ced8; border-radius: "
                       "5px; background: #ffffff; padding: 4px 22px 4px 10px; }"
                       "QToolButton#newFormRecordButton:hover { background: #f0f4f8; }"
                       "QToolButton#newFormRecordButton::menu-indicator { subcontrol-origin: padding; "
                       "subcontrol-position: center right; right: 6px; }"));
    m_menu->setObjectName(QStringLiteral("newFormRecordMenu"));
    layout->addWidget(m_new);

    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openRecord(m_list->row(item)); });
    clear();
}

void PatientFormsPanel::clear()
{
    m_patient.reset();
    m_event.reset();
    m_records.clear();
    m_offered.clear();
    m_list->clear();
    m_list->hide();
    m_menu->clear();
    m_new->hide();
    m_empty->setText(QString());
}

void PatientFormsPanel::setEvent(const registry::Patient &patient, const registry::TimelineEvent &event,
                                 bool mayEdit)
{
    m_patient = patient;
    m_event = event;
    m_mayEdit = mayEdit;
    reload();
}

QString PatientFormsPanel::statusText(const forms::FormRecord &record)
{
    switch (record.status) {
    case forms::RecordStatus::Draft:
        return record.formalVersion > 0 ? tr("amendment of v%1").arg(record.formalVersion) : tr("draft");
    case forms::RecordStatus::Pending:
        return tr("pending review");
    case forms::RecordStatus::Rejected:
        return tr("rejected");
    case forms::RecordStatus::Approved:
        return tr("approved v%1").arg(record.formalVersion);
    }
    return {};
}

void PatientFormsPanel::reload()
{
    m_list->clear();
    m_menu->clear();
    m_records.clear();
    m_offered.clear();
    if (!m_patient || !m_event)
        return;
    forms::FormStore &store = m_context.workspace().forms();
    const QString language = workbench::Language::current();
    if (auto definitions = store.definitions())
        m_definitions = definitions.value();
    forms::RecordFilter filter;
    filter.patientId = m_patient->id;
    filter.eventId = m_event->id;
    auto records = store.records(m_context.session().accountId, filter);
    if (!records) {
        // Roles without access to records see no strip at all rather than an error on every event.
        hide();
        return;
    }
    show();
    m_records = records.value();
    auto titleOf = [this, &language](const QString &formId) {
        for (const forms::FormDefinition &d : std::as_const(m_definitions)) {
            if (d.id == formId)
                return d.title.text(language);
        }
        return formId;
    };
    for (const forms::FormRecord &record : std::as_const(m_records)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  ·  %2").arg(titleOf(record.formId), statusText(record)), m_list);
        const Palette p = paletteFor(record.status);
        item->setBackground(p.background);
        item->setForeground(p.text);
        item->setData(Qt::UserRole, record.id);
        item->setData(Qt::UserRole + 1, forms::recordStatusId(record.status));
        QString tip = tr("Double-click to open.");
        if (record.status == forms::RecordStatus::Rejected && !record.lastReason.isEmpty())
            tip = tr("Returned by the reviewer: %1").arg(record.lastReason) + QLatin1Char('\n') + tip;
        item->setToolTip(tip);
    }
    m_list->setVisible(!m_records.isEmpty());
    int width = 20;
    for (int i = 0; i < m_list->count(); ++i)
        width += m_list->fontMetrics().horizontalAdvance(m_list->item(i)->text()) + 28 + 2 * 3 + 8;
    m_list->setMaximumWidth(std::max(width, 60));
    m_empty->setText(m_records.isEmpty() ? tr("none yet") : QString());
    m_empty->setVisible(m_records.isEmpty());

    const QString type = registry::eventTypeId(m_event->content.type);
    for (const forms::FormDefinition &d : std::as_const(m_definitions)) {
        if (!d.eventTypes.contains(type))
            continue;
        m_offered << d;
        QAction *action = m_menu->addAction(d.title.text(language));
        action->setObjectName(QStringLiteral("newRecord_") + d.id);
        const QString id = d.id;
        connect(action, &QAction::triggered, this, [this, id] { newRecord(id); });
    }
    m_new->setVisible(m_mayEdit && !m_offered.isEmpty() && !m_patient->isMerged());
}

QList<forms::ui::AttachmentChoice> PatientFormsPanel::attachmentChoices() const
{
    QList<forms::ui::AttachmentChoice> out;
    if (!m_event)
        return out;
    int n = 0;
    for (const registry::Attachment &a : m_event->attachments) {
        ++n;
        // File names can carry names; roles without identity access see the kind of file only.
        const QString name = m_identityVisible
                                 ? a.fileName
                                 : tr("File %1 (%2)")
                                       .arg(n)
                                       .arg(viewer::MediaTypeSniffer::displayName(
                                           viewer::MediaTypeSniffer::fromMediaType(a.mediaType)));
        out << forms::ui::AttachmentChoice{a.idString(), name};
    }
    return out;
}

FormRecordDialog *PatientFormsPanel::createRecordDialog(int row)
{
    if (row < 0 || row >= m_records.size())
        return nullptr;
    auto *dialog = new FormRecordDialog(m_context, m_records.at(row).id, window());
    dialog->setAttachments(attachmentChoices());
    connect(dialog, &FormRecordDialog::recordChanged, this, [this] {
        reload();
        Q_EMIT recordsChanged();
    });
    return dialog;
}

FormRecordDialog *PatientFormsPanel::createNewDialog(const QString &formId)
{
    if (!m_patient || !m_event)
        return nullptr;
    forms::NewRecord record;
    record.formId = formId;
    record.patientId = m_patient->id;
    record.patientPseudonym = m_patient->pseudonymId;
    record.eventId = m_event->id;
    auto *dialog = new FormRecordDialog(m_context, record, window());
    dialog->setAttachments(attachmentChoices());
    connect(dialog, &FormRecordDialog::recordChanged, this, [this] {
        reload();
        Q_EMIT recordsChanged();
    });
    return dialog;
}

void PatientFormsPanel::runDialog(FormRecordDialog *dialog)
{
    if (!dialog)
        return;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->exec();
}

void PatientFormsPanel::openRecord(int row)
{
    runDialog(createRecordDialog(row));
}

void PatientFormsPanel::newRecord(const QString &formId)
{
    runDialog(createNewDialog(formId));
}

} // namespace mdp::forms::ui
