#include "PassphraseWizardPage.h"

#include "mdp/shell/PassphraseStrength.h"
#include "mdp/workbench/Widgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QVBoxLayout>

namespace mdp::shell {

PassphraseWizardPage::PassphraseWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_passphrase(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_meter(new QProgressBar(this))
    , m_strength(new QLabel(this))
    , m_problems(workbench::makeMessageLabel(this))
    , m_mismatch(workbench::makeMessageLabel(this))
    , m_understood(new QCheckBox(tr("I understand that a lost passphrase cannot be recovered."), this))
{
    setTitle(workbench::headingHtml(tr("Workspace passphrase")));
    setSubTitle(tr("The passphrase unlocks the workspace. Every key that encrypts your data is derived "
                   "from it."));

    m_passphrase->setObjectName(QStringLiteral("passphraseEdit"));
    m_confirm->setObjectName(QStringLiteral("passphraseConfirmEdit"));
    m_problems->setObjectName(QStringLiteral("passphraseProblems"));
    m_mismatch->setObjectName(QStringLiteral("mismatchLabel"));
    m_understood->setObjectName(QStringLiteral("understoodCheck"));
    m_meter->setObjectName(QStringLiteral("strengthMeter"));
    m_strength->setObjectName(QStringLiteral("strengthLabel"));
    for (QLineEdit *edit : {m_passphrase, m_confirm}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        workbench::addRevealAction(edit);
    }
    m_meter->setRange(0, 4);
    m_meter->setTextVisible(false);
    m_strength->setMinimumWidth(90);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(10);
    form->addRow(tr("Passphrase"), m_passphrase);
    auto *meterRow = new QHBoxLayout;
    meterRow->setSpacing(12);
    meterRow->addWidget(m_meter, 1);
    meterRow->addWidget(m_strength);
    form->addRow(tr("Strength"), meterRow);
    form->addRow(tr("Confirm"), m_confirm);
    layout->addLayout(form);
    layout->addWidget(
        workbench::makeLabel(tr("At least %n characters; not one character or a short pattern "
                                "repeated. A sentence of several words is easy to remember and hard "
                                "to guess.",
                                nullptr, PassphraseStrength::workspaceMinimumLength),
                             QStringLiteral("muted"), this));
    layout->addWidget(m_problems);
    layout->addWidget(m_mismatch);
    layout->addStretch();

    auto *warning = workbench::makeMessageLabel(this);
    warning->setObjectName(QStringLiteral("lossWarning"));
    workbench::showMessage(
        warning, workbench::Severity::Warning,
        tr("Nobody can reset or recover this passphrase, not even the vendor. If it is lost, the "
           "encrypted data in this workspace cannot be read again. Write it down and keep it "
           "in a sealed envelope in a safe place."));
    layout->addWidget(warning);
    layout->addWidget(m_understood);

    registerField(QStringLiteral("passphrase"), m_passphrase);
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseWizardPage::update);
    connect(m_confirm, &QLineEdit::textChanged, this, &PassphraseWizardPage::update);
    connect(m_understood, &QCheckBox::toggled, this, &PassphraseWizardPage::completeChanged);
    update();
}

void PassphraseWizardPage::update()
{
    const auto assessment = PassphraseStrength::assess(m_passphrase->text());
    m_meter->setValue(m_passphrase->text().isEmpty() ? 0 : std::max(assessment.level, 1));
    m_meter->setProperty("level", assessment.level);
    workbench::repolish(m_meter);
    m_strength->setText(assessment.label);
    workbench::showMessage(m_problems, workbench::Severity::Error,
                           m_passphrase->text().isEmpty() ? QString() : assessment.problems.join(u' '));
    const bool mismatch = !m_confirm->text().isEmpty() && m_confirm->text() != m_passphrase->text();
    workbench::showMessage(m_mismatch, workbench::Severity::Error,
                           mismatch ? tr("The two passphrases do not match.") : QString());
    Q_EMIT completeChanged();
}

bool PassphraseWizardPage::isComplete() const
{
    return PassphraseStrength::assess(m_passphrase->text()).acceptable &&
           m_confirm->text() == m_passphrase->text() && m_understood->isChecked();
}

void PassphraseWizardPage::clearSecrets()
{
    m_passphrase->clear();
    m_confirm->clear();
}

} // namespace mdp::shell
