#include "mdp/shell/SettingsDialog.h"

#include "mdp/shell/ShellSettings.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SettingsPane.h"
#include "mdp/workbench/Widgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mdp::shell {

SettingsDialog::SettingsDialog(ShellSettings &settings, QWidget *parent, workbench::Host *host)
    : QDialog(parent)
    , m_settings(settings)
    , m_language(new QComboBox(this))
    , m_autoLock(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(480);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_autoLock->setObjectName(QStringLiteral("autoLockSpin"));

    // Each language is named in itself so a user who cannot read the current one still finds theirs.
    m_language->addItem(tr("Follow the system"), int(LanguageChoice::System));
    m_language->addItem(QStringLiteral("中文（简体）"), int(LanguageChoice::Chinese));
    m_language->addItem(QStringLiteral("English"), int(LanguageChoice::English));
    m_language->setCurrentIndex(m_language->findData(int(settings.language())));

    m_autoLock->setRange(ShellSettings::minAutoLockMinutes, ShellSettings::maxAutoLockMinutes);
    m_autoLock->setSuffix(tr(" min"));
    m_autoLock->setValue(settings.autoLockMinutes());

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 20, 24, 18);
    outer->setSpacing(12);
    auto *general = new QWidget(this);
    auto *layout = new QVBoxLayout(general);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(14);
    form->setVerticalSpacing(8);
    form->addRow(tr("Interface language"), m_language);
    form->addRow(QString(), workbench::makeLabel(tr("Takes effect when MDP is started again."),
                                                 QStringLiteral("muted"), this));
    form->addRow(tr("Lock after inactivity"), m_autoLock);
    form->addRow(QString(),
                 workbench::makeLabel(tr("The workspace locks itself after this many minutes without input; "
                                         "your own password is then needed again."),
                                      QStringLiteral("muted"), this));
    layout->addLayout(form);
    layout->addStretch();
    const QList<workbench::SettingsPaneContribution> contributed =
        host ? host->contributions().settingsPanesFor(host->roles())
             : QList<workbench::SettingsPaneContribution>();
    if (contributed.isEmpty()) {
        outer->addWidget(general, 1);
    } else {
        m_tabs = new QTabWidget(this);
        m_tabs->setObjectName(QStringLiteral("settingsTabs"));
        m_tabs->addTab(general, tr("General"));
        for (const workbench::SettingsPaneContribution &pane : contributed) {
            workbench::SettingsPane *widget = pane.create(*host, m_tabs);
            widget->setObjectName(pane.id + QStringLiteral("-settings"));
            m_panes << widget;
            m_tabs->addTab(widget, pane.title());
        }
        outer->addWidget(m_tabs, 1);
        setMinimumWidth(640);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

void SettingsDialog::accept()
{
    for (workbench::SettingsPane *pane : std::as_const(m_panes)) {
        if (!pane->apply()) {
            m_tabs->setCurrentWidget(pane);
            return;
        }
    }
    m_settings.setLanguage(LanguageChoice(m_language->currentData().toInt()));
    m_settings.setAutoLockMinutes(m_autoLock->value());
    QDialog::accept();
}

} // namespace mdp::shell
