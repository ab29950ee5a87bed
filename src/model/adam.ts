import * as tf from '@tensorflow/tfjs';

/**
 * Adam computed op for op as tfjs's AdamOptimizer computes it (the same values), with its
 * constants made once as tensors. tfjs's makes β₁, 1 − β₁, β₂, 1 − β₂, ε and −lr into new scalar
 * tensors for every variable at every step, each a fresh typed array copied to the backend, and
 * Chromium makes typed arrays slowly (~100 per arm-step here).
 */
export class Adam extends tf.Optimizer {
  static get className(): string {
    return 'LabAdam';
  }

  private readonly c: Record<'one' | 'beta1' | 'oneMinusBeta1' | 'beta2' | 'oneMinusBeta2' | 'epsilon' | 'minusLr', tf.Scalar>;
  private readonly accBeta1: tf.Variable;
  private readonly accBeta2: tf.Variable;
  private readonly moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();

  constructor(
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    super();
    const s = (x: number) => tf.keep(tf.scalar(x));
    this.c = { one: s(1), beta1: s(beta1), oneMinusBeta1: s(1 - beta1), beta2: s(beta2), oneMinusBeta2: s(1 - beta2), epsilon: s(epsilon), minusLr: s(-learningRate) };
    [this.accBeta1, this.accBeta2] = tf.tidy(() => [tf.scalar(beta1).variable(), tf.scalar(beta2).variable()]);
  }

  override applyGradients(gradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const named = Array.isArray(gradients) ? gradients.map((g) => [g.name, g.tensor] as const) : Object.entries(gradients);
    const { c } = this;
    tf.tidy(() => {
      const oneMinusAccBeta1 = tf.sub(c.one, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(c.one, this.accBeta2);
      for (const [name, gradient] of named) {
        if (gradient == null) continue;
        const value = tf.engine().registeredVariables[name];
        let moment = this.moments.get(name);
        if (!moment) this.moments.set(name, (moment = tf.tidy(() => ({ m: tf.zerosLike(value).variable(false), v: tf.zerosLike(value).variable(false) }))));
        const newM = tf.add(tf.mul(moment.m, c.beta1), tf.mul(gradient, c.oneMinusBeta1));
        const newV = tf.add(tf.mul(moment.v, c.beta2), tf.mul(tf.square(gradient), c.oneMinusBeta2));
        const mHat = tf.div(newM, oneMinusAccBeta1);
        const vHat = tf.div(newV, oneMinusAccBeta2);
        moment.m.assign(newM);
        moment.v.assign(newV);
        value.assign(tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), c.epsilon)), c.minusLr), value));
      }
      this.accBeta1.assign(tf.mul(this.accBeta1, c.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, c.beta2));
    });
    this.incrementIterations();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  override dispose(): void {
    for (const t of Object.values(this.c)) t.dispose();
    this.accBeta1.dispose();
    this.accBeta2.dispose();
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
    super.dispose();
  }
}
