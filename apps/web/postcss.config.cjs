// Mantine's PostCSS preset: rem/em helpers and light/dark mixins used by Mantine's own styles.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
