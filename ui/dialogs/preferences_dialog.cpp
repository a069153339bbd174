#include "ui/dialogs/preferences_dialog.h"

#include "ui/i18n/language.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLocale>
#include <QSettings>

namespace mbq {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : availableLanguages()) {
        // Each language named in itself, so an artist can find theirs in any interface language.
        const QLocale locale(code);
        m_language->addItem(QLocale::languageToString(locale.language()) + QStringLiteral(" — ")
                                    + locale.nativeLanguageName(),
                            code);
    }
    const QString current = QSettings().value(settingsKey()).toString();
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Language:"), m_language);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::applyLanguage);
}

void PreferencesDialog::applyLanguage()
{
    const QString code = m_language->currentData().toString();
    QSettings().setValue(settingsKey(), code);
    installLanguage(qApp, code);
}

} // namespace mbq
