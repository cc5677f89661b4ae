"""Russian reading: razdel + slovnet (through natasha's shipped models),
pymorphy3 morphology, iuliia transliteration. See docs/russian.md."""
