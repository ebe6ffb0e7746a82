#include "PatientEventDialog.h"

#include "PatientText.h"
#include "mdp/workbench/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mdp::registry::ui {

using registry::EventType;

QList<PatientEventDialog::Field> PatientEventDialog::fieldsFor(EventType type)
{
    // Kept short on purpose: the keys match what the demo cohort and the search index read.
    switch (type) {
    case EventType::FirstVisit:
        return {{QStringLiteral("chiefComplaint"), QT_TR_NOOP("Chief complaint"), Field::Text},
                {QStringLiteral("department"), QT_TR_NOOP("Department"), Field::Text}};
    case EventType::Diagnosis:
        return {{QStringLiteral("diagnosis"), QT_TR_NOOP("Diagnosis"), Field::Text},
                {QStringLiteral("icd10"), QT_TR_NOOP("ICD-10 code"), Field::Text},
                {QStringLiteral("ctnm"), QT_TR_NOOP("Clinical stage (cTNM)"), Field::Text},
                {QStringLiteral("molecularSubtype"),
                 QT_TR_NOOP("Molecular subtype"),
                 Field::Choice,
                 0,
                 0,
                 {},
                 {QStringLiteral("TNBC"), QStringLiteral("HR+/HER2-"), QStringLiteral("HER2+"),
                  QStringLiteral("Luminal A"), QStringLiteral("Luminal B")}}};
    case EventType::BiopsyPathology:
        return {{QStringLiteral("pathologyLabel"), QT_TR_NOOP("Pathology"), Field::Text},
                {QStringLiteral("specimen"), QT_TR_NOOP("Specimen"), Field::Text},
                {QStringLiteral("grade"), QT_TR_NOOP("Histological grade"), Field::Integer, 1, 3},
                {QStringLiteral("erPercent"), QT_TR_NOOP("ER (%)"), Field::Integer, 0, 100},
                {QStringLiteral("prPercent"), QT_TR_NOOP("PR (%)"), Field::Integer, 0, 100}};
    case EventType::Surgery:
        return {{QStringLiteral("procedure"), QT_TR_NOOP("Procedure"), Field::Text},
                {QStringLiteral("margins"), QT_TR_NOOP("Margins"), Field::Text}};
    case EventType::RadiotherapyCourse:
        return {{QStringLiteral("totalDoseGy"), QT_TR_NOOP("Total dose"), Field::Decimal, 0, 120,
                 QStringLiteral(" Gy")},
                {QStringLiteral("fractions"), QT_TR_NOOP("Fractions"), Field::Integer, 1, 60},
                {QStringLiteral("technique"),
                 QT_TR_NOOP("Technique"),
                 Field::Choice,
                 0,
                 0,
                 {},
                 {QStringLiteral("IMRT"), QStringLiteral("VMAT"), QStringLiteral("3D-CRT"),
                  QStringLiteral("SBRT"), QStringLiteral("Tomotherapy"), QStringLiteral("Proton")}},
                {QStringLiteral("target"), QT_TR_NOOP("Target"), Field::Text}};
    case EventType::RadiotherapyFraction:
        return {{QStringLiteral("fraction"), QT_TR_NOOP("Fraction number"), Field::Integer, 1, 60},
                {QStringLiteral("doseGy"), QT_TR_NOOP("Dose"), Field::Decimal, 0, 30, QStringLiteral(" Gy")}};
    case EventType::ChemotherapyCycle:
    case EventType::ImmunotherapyCycle:
        return {
            {QStringLiteral("drug"), QT_TR_NOOP("Drug"), Field::Text},
            {QStringLiteral("cycle"), QT_TR_NOOP("Cycle"), Field::Integer, 1, 99},
            {QStringLiteral("doseMg"), QT_TR_NOOP("Dose"), Field::Decimal, 0, 100000, QStringLiteral(" mg")}};
    case EventType::Imaging:
        return {{QStringLiteral("modality"),
                 QT_TR_NOOP("Modality"),
                 Field::Choice,
                 0,
                 0,
                 {},
                 {QStringLiteral("CT"), QStringLiteral("MR"), QStringLiteral("US"), QStringLiteral("MG"),
                  QStringLiteral("PET-CT"), QStringLiteral("X-ray")}},
                {QStringLiteral("bodyPart"), QT_TR_NOOP("Body part"), Field::Text},
                {QStringLiteral("findings"), QT_TR_NOOP("Findings"), Field::Text}};
    case EventType::Lab:
        return {{QStringLiteral("test"), QT_TR_NOOP("Test"), Field::Text},
                {QStringLiteral("value"), QT_TR_NOOP("Value"), Field::Text},
                {QStringLiteral("unit"), QT_TR_NOOP("Unit"), Field::Text}};
    case EventType::Toxicity:
        return {{QStringLiteral("term"), QT_TR_NOOP("Term (CTCAE)"), Field::Text},
                {QStringLiteral("grade"), QT_TR_NOOP("Grade"), Field::Integer, 1, 5}};
    case EventType::FollowUp:
        return {{QStringLiteral("status"), QT_TR_NOOP("Status"), Field::Text},
                {QStringLiteral("ecog"), QT_TR_NOOP("ECOG"), Field::Integer, 0, 5}};
    case EventType::Death:
        return {{QStringLiteral("cause"), QT_TR_NOOP("Cause"), Field::Text}};
    }
    return {};
}

PatientEventDialog::PatientEventDialog(Mode mode, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_submit(std::move(submit))
    , m_type(new QComboBox(this))
    , m_start(new QDateEdit(this))
    , m_hasEnd(new QCheckBox(tr("Ends on"), this))
    , m_end(new QDateEdit(this))
    , m_title(new QLineEdit(this))
    , m_annotation(new QPlainTextEdit(this))
    , m_detailBox(new QGroupBox(tr("Structured detail"), this))
    , m_detailForm(new QFormLayout)
    , m_reason(new QLineEdit(this))
    , m_problem(workbench::makeMessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("eventDialog"));
    setWindowTitle(mode == Mode::Add ? tr("Add event") : tr("Edit event"));
    setMinimumWidth(560);
    m_type->setObjectName(QStringLiteral("eventTypeCombo"));
    m_start->setObjectName(QStringLiteral("eventStartEdit"));
    m_hasEnd->setObjectName(QStringLiteral("eventHasEndCheck"));
    m_end->setObjectName(QStringLiteral("eventEndEdit"));
    m_title->setObjectName(QStringLiteral("eventTitleEdit"));
    m_annotation->setObjectName(QStringLiteral("eventAnnotationEdit"));
    m_reason->setObjectName(QStringLiteral("eventReasonEdit"));
    m_problem->setObjectName(QStringLiteral("eventProblem"));

    for (EventType type : registry::allEventTypes())
        m_type->addItem(PatientText::eventTypeName(type), int(type));
    for (QDateEdit *edit : {m_start, m_end}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        edit->setMinimumDate(QDate(1850, 1, 1));
        edit->setDate(QDate::currentDate());
        edit->setMinimumWidth(135);
    }
    m_end->setEnabled(false);
    m_annotation->setPlaceholderText(tr("Optional note for the record"));
    m_annotation->setFixedHeight(84);
    m_title->setPlaceholderText(tr("What happened, e.g. \"Radiotherapy 50 Gy / 25 fx\""));
    m_reason->setPlaceholderText(tr("Required: why the event is changed"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("Add") : tr("Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("eventOkButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        mode == Mode::Add ? tr("Add event") : tr("Edit event"),
        mode == Mode::Add
            ? tr("The event is added to the timeline as version 1; every later change is kept.")
            : tr("The change is saved as a new version with your reason; earlier versions stay."),
        this));
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    form->addRow(tr("Kind"), m_type);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_start);
    dates->addSpacing(12);
    dates->addWidget(m_hasEnd);
    dates->addWidget(m_end);
    dates->addStretch();
    form->addRow(tr("Date"), dates);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Annotation"), m_annotation);
    layout->addLayout(form);
    m_detailForm->setHorizontalSpacing(14);
    m_detailForm->setVerticalSpacing(8);
    m_detailBox->setLayout(m_detailForm);
    layout->addWidget(m_detailBox);
    if (mode == Mode::Edit) {
        auto *reasonForm = new QFormLayout;
        reasonForm->setHorizontalSpacing(14);
        reasonForm->addRow(tr("Reason"), m_reason);
        layout->addLayout(reasonForm);
    } else {
        m_reason->hide();
    }
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this, &PatientEventDialog::rebuildFields);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this] { workbench::showMessage(m_problem, workbench::Severity::None, {}); });
    connect(m_start, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_end->date() < date)
            m_end->setDate(date);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PatientEventDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    rebuildFields();
}

void PatientEventDialog::setType(EventType type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

void PatientEventDialog::rebuildFields()
{
    while (m_detailForm->rowCount() > 0)
        m_detailForm->removeRow(0);
    m_fieldWidgets.clear();
    const auto type = EventType(m_type->currentData().toInt());
    for (const Field &field : fieldsFor(type)) {
        QWidget *widget = nullptr;
        const QJsonValue current = m_basePayload.value(field.key);
        switch (field.kind) {
        case Field::Text: {
            auto *edit = new QLineEdit(m_detailBox);
            edit->setText(current.isString() ? current.toString() : PatientText::valueText(current));
            widget = edit;
            break;
        }
        case Field::Integer: {
            auto *spin = new QSpinBox(m_detailBox);
            // One below the minimum means "not given", shown blank.
            spin->setRange(int(field.minimum) - 1, int(field.maximum));
            spin->setSpecialValueText(QStringLiteral(" "));
            spin->setValue(current.isDouble() ? current.toInt() : spin->minimum());
            spin->setSuffix(field.suffix);
            widget = spin;
            break;
        }
        case Field::Decimal: {
            auto *spin = new QDoubleSpinBox(m_detailBox);
            spin->setDecimals(2);
            spin->setRange(field.minimum - 1, field.maximum);
            spin->setSpecialValueText(QStringLiteral(" "));
            spin->setValue(current.isDouble() ? current.toDouble() : spin->minimum());
            spin->setSuffix(field.suffix);
            widget = spin;
            break;
        }
        case Field::Choice: {
            auto *combo = new QComboBox(m_detailBox);
            combo->setEditable(true);
            combo->addItem(QString());
            combo->addItems(field.choices);
            combo->setCurrentText(current.toString());
            widget = combo;
            break;
        }
        }
        widget->setObjectName(QStringLiteral("field_") + field.key);
        widget->setMinimumWidth(220);
        m_detailForm->addRow(tr(field.label), widget);
        m_fieldWidgets.append({field, widget});
    }
    m_detailBox->setVisible(!m_fieldWidgets.isEmpty());
}

void PatientEventDialog::setStructuredValue(const QString &key, const QVariant &value)
{
    for (const auto &[field, widget] : std::as_const(m_fieldWidgets)) {
        if (field.key != key)
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            edit->setText(value.toString());
        else if (auto *spin = qobject_cast<QSpinBox *>(widget))
            spin->setValue(value.toInt());
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(widget))
            dspin->setValue(value.toDouble());
        else if (auto *combo = qobject_cast<QComboBox *>(widget))
            combo->setCurrentText(value.toString());
    }
}

void PatientEventDialog::setDraft(const registry::EventDraft &draft)
{
    m_original = draft;
    m_basePayload = draft.payload;
    m_type->blockSignals(true);
    setType(draft.type);
    m_type->blockSignals(false);
    if (!draft.start.isNull())
        m_start->setDate(draft.start.date());
    m_hasEnd->setChecked(!draft.end.isNull());
    if (!draft.end.isNull())
        m_end->setDate(draft.end.date());
    m_title->setText(draft.title);
    m_annotation->setPlainText(draft.annotation);
    rebuildFields();
}

registry::EventDraft PatientEventDialog::draft() const
{
    registry::EventDraft d = m_original;
    d.type = EventType(m_type->currentData().toInt());
    // An instant (a fraction's delivery time) is kept while its day is left unchanged.
    d.start = !m_original.start.isNull() && m_original.start.date() == m_start->date()
                  ? m_original.start
                  : registry::EventTime::fromDate(m_start->date());
    if (!m_hasEnd->isChecked())
        d.end = {};
    else
        d.end = !m_original.end.isNull() && m_original.end.date() == m_end->date()
                    ? m_original.end
                    : registry::EventTime::fromDate(m_end->date());
    d.title = m_title->text().simplified();
    d.annotation = m_annotation->toPlainText().trimmed();
    QJsonObject payload = m_basePayload;
    for (const auto &[field, widget] : m_fieldWidgets) {
        QJsonValue value;
        if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            if (!edit->text().trimmed().isEmpty())
                value = edit->text().trimmed();
        } else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
            if (spin->value() != spin->minimum())
                value = spin->value();
        } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(widget)) {
            if (dspin->value() != dspin->minimum())
                value = dspin->value();
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            if (!combo->currentText().trimmed().isEmpty())
                value = combo->currentText().trimmed();
        }
        if (value.isUndefined())
            payload.remove(field.key);
        else
            payload.insert(field.key, value);
    }
    d.payload = payload;
    return d;
}

QString PatientEventDialog::reason() const
{
    return m_reason->text().simplified();
}

void PatientEventDialog::submit()
{
    if (m_mode == Mode::Edit && reason().isEmpty()) {
        workbench::showMessage(m_problem, workbench::Severity::Error, tr("Give a reason for the change."));
        m_reason->setFocus();
        return;
    }
    if (m_mode == Mode::Edit && draft() == m_original) {
        workbench::showMessage(m_problem, workbench::Severity::Info, tr("Nothing was changed."));
        return;
    }
    if (m_submit) {
        if (auto r = m_submit(draft(), reason()); !r) {
            workbench::showMessage(m_problem, workbench::Severity::Error, r.error().message);
            return;
        }
    }
    accept();
}

} // namespace mdp::registry::ui
