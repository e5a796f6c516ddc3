/** A drawn stand-in for a photo of a paper ballot (a small PNG), so seeded paper votes have the photo the rule requires. */
export const ballotPhoto = (): Uint8Array => Uint8Array.from(Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAFoAAAB4CAIAAAD9rnJoAAABD0lEQVR42u3ZMQ6CQBAF0DkE9dacyZN4RI9Daai0MrGQRGYpdvaRX9LwnCGfNfbnJp8EAhw4cODAgQMHDhw4cOAowrGWu3D047AsOAQHDhw4cODAgQMHDhwjc9xLXKbDsuDAgQMHDhw4tFKt1LLgwIEDBw4cCHBopVqpZcGBAwcOHDhwaKVaqWXBgQMHDhyCA4dWqpVaFhw4cODAgQOHVqqVWhYcOHDgwCE4CnE8Wpud403wK3NxHEB0RIlKFnmRGM7i9D0VOP56yLzIMBwX3T8Sx4lfOzkgUWk08gOCA0cXjmW5dcx1b4HM68N04MChdzStdJulpPtm8UXrvMNpmLNSJ+n+Z8GBAwcOHILjKy9hQXUt+9GcIAAAAABJRU5ErkJggg==',
  'base64',
));
