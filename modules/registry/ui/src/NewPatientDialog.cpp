#include "NewPatientDialog.h"

#include "PatientText.h"
#include "mdp/foundation/Clock.h"
#include "mdp/registry/Registry.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace mdp::registry::ui {

namespace {
const QDate kNoDate(1850, 1, 1); // the date edit's "not entered" value, shown blank
}

NewPatientDialog::NewPatientDialog(registry::Registry &registry, QString actorId, const Clock &clock,
                                   QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_actor(std::move(actorId))
    , m_clock(clock)
    , m_nationalId(new QLineEdit(this))
    , m_idMessage(new QLabel(this))
    , m_verified(new QCheckBox(tr("Checked against the identity card"), this))
    , m_name(new QLineEdit(this))
    , m_sex(new QComboBox(this))
    , m_birthDate(new QDateEdit(this))
    , m_phone(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_problem(workbench::makeMessageLabel(this))
    , m_duplicatePanel(new QFrame(this))
    , m_duplicateMessage(workbench::makeMessageLabel(m_duplicatePanel))
    , m_matches(new QListWidget(m_duplicatePanel))
    , m_openExisting(new QPushButton(tr("Open existing"), m_duplicatePanel))
    , m_createAnyway(new QPushButton(tr("Create anyway"), m_duplicatePanel))
    , m_cancelDuplicate(new QPushButton(tr("Cancel"), m_duplicatePanel))
    , m_separateReason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newPatientDialog"));
    setWindowTitle(tr("New patient"));
    setMinimumWidth(680);
    m_nationalId->setObjectName(QStringLiteral("nationalIdEdit"));
    m_idMessage->setObjectName(QStringLiteral("nationalIdMessage"));
    m_verified->setObjectName(QStringLiteral("verifiedCheck"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_sex->setObjectName(QStringLiteral("sexCombo"));
    m_birthDate->setObjectName(QStringLiteral("birthDateEdit"));
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_address->setObjectName(QStringLiteral("addressEdit"));
    m_problem->setObjectName(QStringLiteral("newPatientProblem"));
    m_duplicatePanel->setObjectName(QStringLiteral("duplicatePanel"));
    m_duplicateMessage->setObjectName(QStringLiteral("duplicateMessage"));
    m_matches->setObjectName(QStringLiteral("duplicateMatches"));
    m_openExisting->setObjectName(QStringLiteral("openExistingButton"));
    m_createAnyway->setObjectName(QStringLiteral("createAnywayButton"));
    m_cancelDuplicate->setObjectName(QStringLiteral("cancelDuplicateButton"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    m_nationalId->setProperty("monospace", true);
    m_nationalId->setPlaceholderText(tr("18 characters, e.g. 11010519491231002X"));
    m_nationalId->setMaxLength(22); // room for spaces typed in groups
    m_nationalId->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9xX ]*")), m_nationalId));
    m_nationalId->setMinimumWidth(230);
    m_idMessage->setWordWrap(true);
    m_idMessage->setMinimumWidth(250);
    m_verified->setChecked(true);
    m_name->setPlaceholderText(tr("Name in Chinese characters, e.g. 张伟"));
    for (registry::Sex sex :
         {registry::Sex::Female, registry::Sex::Male, registry::Sex::Unspecified, registry::Sex::Unknown})
        m_sex->addItem(PatientText::sexName(sex), int(sex));
    m_birthDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birthDate->setCalendarPopup(true);
    m_birthDate->setMinimumDate(kNoDate);
    m_birthDate->setMaximumDate(m_clock.now().toUTC().date());
    m_birthDate->setSpecialValueText(tr("not entered"));
    m_birthDate->setDate(kNoDate);
    m_phone->setPlaceholderText(tr("optional"));
    m_address->setPlaceholderText(tr("optional"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(workbench::makePageHeader(
        tr("New patient"),
        tr("The whole registry is searched before the record is saved. The patient receives a "
           "pseudonymous ID automatically."),
        this));

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    auto *idRow = new QHBoxLayout;
    idRow->setSpacing(12);
    idRow->addWidget(m_nationalId);
    idRow->addWidget(m_idMessage, 1);
    form->addRow(tr("Resident ID"), idRow);
    form->addRow(QString(), m_verified);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Sex"), m_sex);
    form->addRow(tr("Birth date"), m_birthDate);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Address"), m_address);
    layout->addLayout(form);
    layout->addWidget(m_problem);

    auto *panel = new QVBoxLayout(m_duplicatePanel);
    panel->setContentsMargins(0, 0, 0, 0);
    panel->setSpacing(8);
    panel->addWidget(m_duplicateMessage);
    m_matches->setMaximumHeight(120);
    m_matches->setWordWrap(true);
    m_matches->setIconSize(QSize(20, 20));
    m_matches->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_matches->setSelectionMode(QAbstractItemView::SingleSelection);
    panel->addWidget(m_matches);
    m_separateReason->setObjectName(QStringLiteral("separateReasonEdit"));
    m_separateReason->setPlaceholderText(tr("Why this is a different person (recorded in the audit log)"));
    m_separateReason->hide();
    panel->addWidget(m_separateReason);
    auto *choices = new QHBoxLayout;
    choices->addStretch();
    choices->addWidget(m_cancelDuplicate);
    choices->addWidget(m_createAnyway);
    m_openExisting->setProperty("accent", true);
    choices->addWidget(m_openExisting);
    panel->addLayout(choices);
    m_duplicatePanel->hide();
    layout->addWidget(m_duplicatePanel);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_nationalId, &QLineEdit::textChanged, this, &NewPatientDialog::idChanged);
    connect(m_nationalId, &QLineEdit::textEdited, this, &NewPatientDialog::hideDuplicates);
    connect(m_name, &QLineEdit::textEdited, this, &NewPatientDialog::hideDuplicates);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewPatientDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_openExisting, &QPushButton::clicked, this, &NewPatientDialog::openExisting);
    connect(m_createAnyway, &QPushButton::clicked, this, &NewPatientDialog::create);
    connect(m_cancelDuplicate, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_matches, &QListWidget::itemDoubleClicked, this, &NewPatientDialog::openExisting);
    idChanged();
}

void NewPatientDialog::idChanged()
{
    const QString text = registry::PatientIdentifier::normalisedValue(m_nationalId->text());
    if (text.isEmpty()) {
        m_idMessage->setText(tr("Optional for patients without a resident ID."));
        m_idMessage->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        return;
    }
    bool digitsSoFar = true;
    for (QChar c : text)
        digitsSoFar = digitsSoFar && c.isDigit();
    if (text.size() < 18 && digitsSoFar) {
        m_idMessage->setText(tr("%1 of 18 characters").arg(text.size()));
        m_idMessage->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
        return;
    }
    auto info = registry::ResidentId::parse(text, m_clock);
    if (!info) {
        m_idMessage->setText(info.error().message);
        m_idMessage->setStyleSheet(QStringLiteral("color: #9b1c1c;"));
        return;
    }
    m_idMessage->setText(
        tr("✓ Valid: born %1, %2")
            .arg(info->birthDate.toString(Qt::ISODate), PatientText::sexName(info->sex).toLower()));
    m_idMessage->setStyleSheet(QStringLiteral("color: #1d5e2c;"));
    // The ID is authoritative for both; the registry refuses a record that contradicts it.
    m_birthDate->setDate(info->birthDate);
    const int sexIndex = m_sex->findData(int(info->sex));
    if (sexIndex >= 0)
        m_sex->setCurrentIndex(sexIndex);
}

registry::PatientDraft NewPatientDialog::draft() const
{
    registry::PatientDraft d;
    d.name = registry::PersonName::fromFullName(m_name->text().simplified());
    d.sex = registry::Sex(m_sex->currentData().toInt());
    d.birthDate = m_birthDate->date() == kNoDate ? QDate() : m_birthDate->date();
    d.contact.phone = m_phone->text();
    d.contact.address = m_address->text();
    const QString id = registry::PatientIdentifier::normalisedValue(m_nationalId->text());
    if (!id.isEmpty()) {
        registry::PatientIdentifier identifier;
        identifier.type = registry::IdentifierType::ResidentId;
        identifier.value = id;
        identifier.verified = m_verified->isChecked();
        d.identifiers << identifier;
    }
    return d;
}

void NewPatientDialog::showProblem(const QString &text)
{
    workbench::showMessage(m_problem, text.isEmpty() ? workbench::Severity::None : workbench::Severity::Error,
                           text);
}

void NewPatientDialog::save()
{
    showProblem({});
    const registry::PatientDraft d = draft();
    auto check = m_registry.checkDuplicates(d);
    if (!check) {
        showProblem(check.error().message);
        return;
    }
    if (check->blocking) {
        showBlocking(*check->blocking);
        return;
    }
    if (check->sameIdentifier) {
        showSameIdentifier(*check->sameIdentifier);
        return;
    }
    if (!check->probable.isEmpty()) {
        showProbable(check->probable);
        return;
    }
    create();
}

void NewPatientDialog::create()
{
    registry::DuplicateDecision decision;
    if (m_sameIdentifier) {
        if (m_separateReason->text().trimmed().isEmpty()) {
            workbench::showMessage(
                m_duplicateMessage, workbench::Severity::Error,
                tr("Say why this is a different person before registering it separately."));
            m_separateReason->setFocus();
            return;
        }
        decision.choice = registry::DuplicateDecision::Choice::CreateSeparate;
        decision.reason = m_separateReason->text().trimmed();
    }
    auto created = m_registry.createPatient(m_actor, draft(), decision);
    if (!created) {
        if (created.error().code == Error::Code::Conflict) {
            auto check = m_registry.checkDuplicates(draft());
            if (check && check->sameIdentifier) {
                showSameIdentifier(*check->sameIdentifier);
                return;
            }
        }
        // Another window may have registered the same ID since the check: show that record.
        if (created.error().code == Error::Code::AlreadyExists) {
            auto check = m_registry.checkDuplicates(draft());
            if (check && check->blocking) {
                showBlocking(*check->blocking);
                return;
            }
        }
        hideDuplicates();
        showProblem(created.error().message);
        return;
    }
    m_outcome = Outcome::Created;
    m_patientId = created->id;
    m_pseudonym = created->pseudonymId;
    accept();
}

void NewPatientDialog::showBlocking(const registry::DuplicateFound &found)
{
    m_blocking = found;
    workbench::showMessage(m_duplicateMessage, workbench::Severity::Error,
                           tr("A patient with this ID already exists: %1. No second record is created; "
                              "open the existing one instead.")
                               .arg(found.pseudonymId));
    m_matches->clear();
    m_matches->hide();
    m_createAnyway->hide();
    m_openExisting->show();
    m_duplicatePanel->show();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_buttons->hide();
    m_openExisting->setFocus();
}

void NewPatientDialog::showSameIdentifier(const registry::DuplicateFound &found)
{
    m_blocking.reset();
    m_sameIdentifier = found;
    workbench::showMessage(m_duplicateMessage, workbench::Severity::Warning,
                           tr("Another patient already holds this ID: %1 (checked against a document on "
                              "neither record). Open that record, or register a separate person and say "
                              "why; the pair is then queued for a data manager.")
                               .arg(found.pseudonymId));
    m_matches->clear();
    m_matches->hide();
    m_separateReason->clear();
    m_separateReason->show();
    m_createAnyway->setText(tr("Register as a separate person"));
    m_createAnyway->show();
    m_openExisting->show();
    m_duplicatePanel->show();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_buttons->hide();
    m_openExisting->setFocus();
}

void NewPatientDialog::showProbable(const QList<registry::ProbableMatch> &matches)
{
    m_blocking.reset();
    m_sameIdentifier.reset();
    m_separateReason->hide();
    m_createAnyway->setText(tr("Create anyway"));
    workbench::showMessage(m_duplicateMessage, workbench::Severity::Warning,
                           tr("This may be a patient already registered. Check the record(s) below before "
                              "creating a new one; if you create it anyway, the pair is queued for review."));
    m_matches->clear();
    for (const registry::ProbableMatch &match : matches) {
        QString text = match.pseudonymId;
        // The operator compares the people: read each match (an audited view).
        if (auto p = m_registry.patient(m_actor, match.patientId)) {
            text += QStringLiteral("  ·  ") + p->name.display() + QStringLiteral("  ·  ") +
                    PatientText::sexName(p->sex) + QStringLiteral("  ·  ") +
                    p->birthDate.toString(Qt::ISODate);
        }
        text += QLatin1Char('\n') + tr("%1% likely: %2")
                                        .arg(qRound(match.score * 100))
                                        .arg(PatientText::duplicateReasons(match.reasons));
        auto *item = new QListWidgetItem(workbench::Theme::icon(QStringLiteral("user")), text, m_matches);
        item->setData(Qt::UserRole, match.patientId);
        item->setData(Qt::UserRole + 1, match.pseudonymId);
    }
    m_matches->setCurrentRow(0);
    m_matches->show();
    m_createAnyway->show();
    m_openExisting->show();
    m_duplicatePanel->show();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_buttons->hide();
    m_openExisting->setFocus();
}

void NewPatientDialog::hideDuplicates()
{
    if (m_duplicatePanel->isHidden())
        return;
    m_blocking.reset();
    m_sameIdentifier.reset();
    m_separateReason->hide();
    m_duplicatePanel->hide();
    m_buttons->show();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
}

void NewPatientDialog::openExisting()
{
    if (m_blocking || m_sameIdentifier) {
        const registry::DuplicateFound &found = m_blocking ? *m_blocking : *m_sameIdentifier;
        m_patientId = found.patientId;
        m_pseudonym = found.pseudonymId;
    } else if (QListWidgetItem *item = m_matches->currentItem()) {
        m_patientId = item->data(Qt::UserRole).toUuid();
        m_pseudonym = item->data(Qt::UserRole + 1).toString();
    } else {
        return;
    }
    m_outcome = Outcome::OpenExisting;
    accept();
}

} // namespace mdp::registry::ui
